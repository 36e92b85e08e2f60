#!/usr/bin/env bash
# Times `journey return ssda903` on a synthetic council: the median wall time of 3 runs, with a full replay
# (--no-cache) and from the log's checkpoint.
#
#     swift build -c release --product journey
#     Benchmarks/Scripts/return-ssda903.sh [children] [work folder]
#
# Target: 2 s or less for a 20,000-child council (release build, median of 3).
set -euo pipefail
children=${1:-20000}
work=${2:-/tmp/journey-bench-903}
here=$(cd "$(dirname "$0")/../.." && pwd)
J=${JOURNEY:-$here/.build/release/journey}
[[ -x $J ]] || { echo "build the release binary first: swift build -c release --product journey" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"
"$J" synth --children "$children" --from 2020-04-01 --to 2025-03-31 --seed 7 --log "$work/log" 2>/dev/null
echo "council: $children children, $("$J" stats --log "$work/log" 2>/dev/null | head -1)"
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for mode in --no-cache ""; do
    times=()
    for run in 1 2 3; do
        rm -rf "$work/903"
        start=$(date +%s.%N)
        "$J" return ssda903 --log "$work/log" --year 2024-25 --out "$work/903" $mode 2>"$work/summary.txt"
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    echo "return ssda903 ${mode:-(checkpoint)}: median $(printf '%s\n' "${times[@]}" | median) s of ${times[*]}"
done
head -1 "$work/summary.txt"
