#!/usr/bin/env bash
# The engine against the independent DuckDB computation of the permanence, care-leaver and health measures
# (Benchmarks/Scripts/permanence_duckdb.py, written from docs/metrics.md alone), on a synthetic council.
#
#   bash Scripts/agree-permanence.sh JOURNEY PYTHON [--children N] [--year 2024-25] [--work DIR]
#
# JOURNEY is the journey binary; PYTHON a python with duckdb (`python3 -m venv v && v/bin/pip install duckdb`).
# Every figure of every measure must be equal: numerator, denominator, value and each detail both sides give.
# Exit 0 and "agree: …" when they are, 1 and the differences when not.
set -euo pipefail
journey=$1
python=$2
shift 2
children=20000
year=2024-25
work=$(mktemp -d)
while [ $# -gt 0 ]; do
    case $1 in
    --children) children=$2; shift 2 ;;
    --year) year=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
mkdir -p "$work"
here=$(cd "$(dirname "$0")/.." && pwd)
ids=adoptions,sgo-cao-exits,adoption-entry-to-placement-days,adoption-order-to-match-days,adoption-decision-reversed
ids=$ids,care-leavers-in-touch,care-leavers-suitable-accommodation,care-leavers-eet,cla-health-assessments
ids=$ids,cla-dental-checks,cla-immunisations,cla-sdq,cla-convicted,cla-substance-misuse
start=${year:0:4}-04-01
end=$((10#${year:0:4} + 1))-03-31
# Three years before the year, so that every look-back (12 months in care, the periods before an adoption) is held.
first=$((10#${year:0:4} - 3))-04-01

"$journey" synth --children "$children" --from "$first" --to "$end" --out "$work/council.jsonl"
"$journey" metrics --log "$work/council.jsonl" --year "$year" --only "$ids" --format json --allow-uncovered \
    > "$work/engine.json"
"$python" "$here/Benchmarks/Scripts/permanence_duckdb.py" "$work/council.jsonl" --from "$start" --to "$end" \
    > "$work/duckdb.json"
"$python" - "$work/engine.json" "$work/duckdb.json" <<'PY'
import json, sys
engine = {m["id"]: m for m in json.load(open(sys.argv[1]))["metrics"]}
duck = {m["id"]: m for m in json.load(open(sys.argv[2]))["metrics"]}
problems = []
def same(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(a - b) < 1e-9
    if isinstance(a, dict) and isinstance(b, dict):
        return all(same(a[k], b[k]) for k in a.keys() & b.keys())
    return a == b
for mid, d in duck.items():
    e = engine.get(mid)
    if e is None:
        problems.append(f"{mid}: not in the engine's output")
        continue
    for field in ("numerator", "denominator", "value"):
        if not same(e[field], d[field]):
            problems.append(f"{mid} {field}: engine {e[field]}, duckdb {d[field]}")
    for k in sorted(e.get("details", {}).keys() & d.get("details", {}).keys()):
        if not same(e["details"][k], d["details"][k]):
            problems.append(f"{mid} details.{k}: engine {e['details'][k]}, duckdb {d['details'][k]}")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"agree: {len(duck)} measures, every figure equal")
for mid, d in duck.items():
    print(f"  {mid}: {d['numerator']} / {d['denominator']} = {d['value']}")
PY
