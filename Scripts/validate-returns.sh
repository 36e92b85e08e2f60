#!/usr/bin/env bash
# Writes both statutory returns from a clean synthetic council and runs the DfE's own validators on them: no rule may
# flag anything but those excluded, with their reasons, in docs/dfe-validator-exclusions.csv (rules that need
# reference data journey cannot hold, facts the event format holds no field for, and rules whose code flags what
# their own message asks for). CIN census queries (codes ending in Q) are listed but do not fail the run.
#
#   bash Scripts/validate-returns.sh JOURNEY PYTHON [--children N] [--year 2024-25] [--seed N] [--work DIR]
#
# JOURNEY is the journey executable; PYTHON a Python with csc-validator-be-cin and csc-validator-be-903 installed
# (see .ci/run). Exits 1 when a rule not excluded flags the returns, naming it; the flags are in the work folder.
set -euo pipefail
cd "$(dirname "$0")/.."

journey=$1
python=$2
shift 2
children=3000
year=2024-25
seed=19
work=.build/validate-returns
while [ $# -gt 0 ]; do
    case $1 in
        --children) children=$2; shift 2 ;;
        --year) year=$2; shift 2 ;;
        --seed) seed=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        *) echo "validate-returns: unknown argument $1" >&2; exit 2 ;;
    esac
done

start=${year:0:4}
end=$((start + 1))
rm -rf "$work"
mkdir -p "$work"

# A council whose extract ends on the last day of the collection year, with three years before it in the log.
"$journey" synth --children "$children" --from "$((start - 2))-04-01" --to "$end-03-31" --seed "$seed" --clean \
    --log "$work/log" 2>"$work/synth.txt"
"$journey" return cin-census --log "$work/log" --year "$year" --la 318 --out "$work/cin-census.xml" \
    2>"$work/cin-census.txt"
"$journey" return ssda903 --log "$work/log" --year "$year" --out "$work/ssda903" 2>"$work/ssda903.txt"

schema_year=$end
xmllint --noout --schema "Tests/JourneyReportsTests/Fixtures/cin-census-schemas/CIN_schema_$schema_year.xsd" "$work/cin-census.xml"

status=0
for kind in cin-census ssda903; do
    path="$work/cin-census.xml"
    if [ "$kind" = ssda903 ]; then path="$work/ssda903"; fi
    if ! "$python" Scripts/dfe-validate.py "$kind" "$path" --year "$year" --out "$work/flags-$kind.csv" \
        --expect-clean docs/dfe-validator-exclusions.csv 2>"$work/validator-$kind.txt"; then
        status=1
    fi
    tail -n 1 "$work/validator-$kind.txt"
done
exit $status
