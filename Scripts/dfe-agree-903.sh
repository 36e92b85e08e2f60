#!/usr/bin/env bash
# journey's checks against the DfE's SSDA903 validator, rule by rule, on the same return.
#
#   bash Scripts/dfe-agree-903.sh FOLDER [--journey BIN] [--python PY] [--ruleset lac2025_26] [--year 2017-18]
#                                        [--work DIR] [--show N]
#
# FOLDER holds the return's CSV tables (files named *errors*.csv are left out, as the validator's own fixtures are
# test variants). They are imported into a fresh log (journey import ssda903 --skip-invalid), journey check is run
# on 31 March of the collection year, and the validator (python -m lac_validator's engine, ruleset --ruleset, the
# same collection year) on the same tables. For each rule code a journey check names (journey check --list), it
# prints the children flagged by both, by journey only and by the validator only, and says when the validator could
# not run the rule on these tables; --show N lists N children of each difference. The year is told from the latest episode start (DECOM) unless given.
set -euo pipefail
folder=${1:?usage: dfe-agree-903.sh FOLDER [options]}
shift
here=$(cd "$(dirname "$0")/.." && pwd)
journey=$here/.build/debug/journey
python=/work/dfe-venv/bin/python
ruleset=lac2025_26
year=
work=
show=0
while [ $# -gt 0 ]; do
    case $1 in
    --journey) journey=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --ruleset) ruleset=$2; shift 2 ;;
    --year) year=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --show) show=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[ -n "$work" ] || work=$(mktemp -d)
mkdir -p "$work"
rm -rf "$work/log"
mapfile -t tables < <(find "$folder" -maxdepth 1 -name '*.csv' ! -name '*errors*' | sort)
[ ${#tables[@]} -gt 0 ] || { echo "no CSV tables in $folder" >&2; exit 2; }
if [ -z "$year" ]; then
    # The collection year of the latest DECOM (column 2 of the episodes table, dd/mm/yyyy).
    episodes=$(grep -l '^.\{0,3\}CHILD,DECOM,' "${tables[@]}" | head -1)
    year=$(awk -F, 'NR > 1 && $2 ~ /^[0-9][0-9]\/[0-9][0-9]\/[0-9][0-9][0-9][0-9]$/ {
        split($2, d, "/"); y = (d[2] >= 4) ? d[3] : d[3] - 1; if (y > max) max = y } END { print max }' "$episodes")
    year=$year-$(printf '%02d' $(((year + 1) % 100)))
fi
start=${year:0:4}
end=$((10#$start + 1))
echo "collection year $year (validator collectionYear $end), ruleset $ruleset, ${#tables[@]} tables" >&2

"$journey" import ssda903 "${tables[@]}" --log "$work/log" --year "$year" --skip-invalid \
    --rejected "$work/rejected.csv" > "$work/import.txt" 2>&1
"$journey" check --log "$work/log" --as-of "$end-03-31" --format csv --fail-on never > "$work/journey.csv"
"$journey" check --list > "$work/catalogue.txt"

# The validator, through the project's one way of running it, on a folder holding the return's tables only.
mkdir -p "$work/tables"
cp "${tables[@]}" "$work/tables/"
"$python" "$here/Scripts/dfe-validate.py" ssda903 "$work/tables" --year "$year" --ruleset "$ruleset" \
    --out "$work/validator.csv" > "$work/validator.log" 2>&1

python3 - "$work/catalogue.txt" "$work/journey.csv" "$work/validator.csv" "$show" <<'PY'
import csv, re, sys
catalogue, journey_csv, validator_csv, show = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
# The rule codes each check names: "903 375", "903 501/142", "903 1007/1016".
checks = {}
for line in open(catalogue).read().splitlines()[1:]:
    m = re.match(r"(\S+)\s+\S+\s+903 (\S+)", line)
    if m:
        checks[m.group(1)] = m.group(2).split("/")
journey, validator = {}, {}
for row in csv.DictReader(open(journey_csv)):
    for code in checks.get(row["check"], []):
        journey.setdefault(code, set()).add(row["child"])
notes = {}
for row in csv.DictReader(open(validator_csv)):
    if row["kind"] == "not-run":
        notes[row["rule"]] = "validator could not run it on these tables"
    elif row["child"]:
        validator.setdefault(row["rule"], set()).add(row["child"])
codes = sorted({c for cs in checks.values() for c in cs}, key=lambda c: (int(re.sub(r"\D", "", c) or 0), c))
by_code = {c: [k for k, cs in checks.items() if c in cs] for c in codes}
print(f"{'rule':<6} {'both':>5} {'journey only':>13} {'validator only':>15}  check")
for code in codes:
    j, v = journey.get(code, set()), validator.get(code, set())
    note = f"  ({notes[code]})" if code in notes else ""
    print(f"{code:<6} {len(j & v):>5} {len(j - v):>13} {len(v - j):>15}  {', '.join(by_code[code])}{note}")
    if show:
        for name, s in (("journey only", j - v), ("validator only", v - j)):
            if s:
                print(f"         {name}: {' '.join(sorted(s)[:show])}")
PY
