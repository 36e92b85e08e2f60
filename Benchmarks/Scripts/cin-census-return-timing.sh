#!/usr/bin/env bash
# Times `journey return cin-census` on a synthetic council: the median wall time of 3 runs, on a log folder (its
# checkpoint made by a first, untimed run, as a council's log has one) and with --no-cache (the whole replay).
#
#   swift build -c release
#   bash Benchmarks/Scripts/cin-census-return-timing.sh [children (20000)] [work folder (/tmp/cin-return-timing)]
#
# Target: 2 s or less for 20,000 children (docs/returns.md, "Speed").
set -euo pipefail
cd "$(dirname "$0")/../.."
journey=.build/release/journey
children=${1:-20000}
work=${2:-/tmp/cin-return-timing}
[ -x "$journey" ] || { echo "build first: swift build -c release" >&2; exit 1; }

rm -rf "$work"
mkdir -p "$work"
"$journey" synth --children "$children" --from 2020-04-01 --to 2025-03-31 --seed 7 --out "$work/council.jsonl" 2>/dev/null
"$journey" append "$work/council.jsonl" --log "$work/log" >/dev/null
"$journey" stats --log "$work/log" >"$work/stats.txt"
head -3 "$work/stats.txt"

# A first run makes the log's checkpoint, as any earlier command on a council's log would have.
"$journey" return cin-census --log "$work/log" --year 2024-25 --la 201 --out "$work/cin.xml" 2>"$work/summary.txt"
head -1 "$work/summary.txt"

median() { sort -n | sed -n 2p; }
time_runs() {
    for _ in 1 2 3; do
        local start end
        start=$(date +%s.%N)
        "$journey" return cin-census --year 2024-25 --la 201 --out "$work/cin.xml" "$@" 2>/dev/null
        end=$(date +%s.%N)
        printf '%.3f\n' "$(echo "$end - $start" | bc)"
    done | median
}
echo "log folder, with its checkpoint: $(time_runs --log "$work/log") s (median of 3)"
echo "log folder, whole replay (--no-cache): $(time_runs --log "$work/log" --no-cache) s (median of 3)"
echo "JSON Lines file: $(time_runs --log "$work/council.jsonl") s (median of 3)"
if command -v xmllint >/dev/null 2>&1 && [ -f ../shared/data/cin-census/schemas/CIN_schema_2025.xsd ]; then
    xmllint --noout --schema ../shared/data/cin-census/schemas/CIN_schema_2025.xsd "$work/cin.xml"
fi
