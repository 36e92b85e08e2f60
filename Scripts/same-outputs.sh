#!/usr/bin/env bash
# Runs two builds of journey over the same logs and says whether every output is the same, byte for byte: for a
# change that must not change what the engine says (a refactor, a speed-up).
#
#     bash Scripts/same-outputs.sh OLD_BINARY NEW_BINARY [--children N] [--work DIR]
#
# The logs: the built-in sample (event-logs/sample.jsonl, as a file and appended to a log folder) and a synthetic
# council of N children (default 20000; synth --seed 7 over 2020-04-01 to 2025-03-31, written by the old build).
# The outputs: synth itself, metrics (table, csv, json; --by, --monthly, --as-known-at), check (every format),
# chronology (text, json, --diff), cohort repeat-cp, the pack with --stamp, stats, verify and export. Each is run by
# both builds with the same arguments; a difference is listed with its command, and the script exits 1.
set -uo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 2 ] || { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 64; }
old=$(realpath "$1"); new=$(realpath "$2"); shift 2
children=20000
work=$(mktemp -d)
while [ $# -gt 0 ]; do
    case "$1" in
        --children) children="$2"; shift 2 ;;
        --work) work="$2"; mkdir -p "$work"; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 64 ;;
    esac
done

echo "logs in $work"
council="$work/council"
if [ ! -d "$council" ]; then
    "$old" synth --children "$children" --from 2020-04-01 --to 2025-03-31 --seed 7 --log "$council" >/dev/null 2>&1 \
        || { echo "synth into $council failed" >&2; exit 1; }
fi
sample="$work/sample"
if [ ! -d "$sample" ]; then
    "$old" append event-logs/sample.jsonl --log "$sample" >/dev/null 2>&1 || { echo "append of the sample failed" >&2; exit 1; }
fi
child=$(head -1 event-logs/sample.jsonl | sed 's/.*"child":"\([^"]*\)".*/\1/')
councilChild=$("$old" export --log "$council" 2>/dev/null | grep -m1 '"type":"cp.plan.started"' | sed 's/.*"child":"\([^"]*\)".*/\1/')

runs=()
for log in "$sample" event-logs/sample.jsonl "$council"; do
    runs+=(
        "metrics --log $log --year 2024-25 --no-cache"
        "metrics --log $log --year 2023-24 --format csv --by team --by age-band --no-cache"
        "metrics --log $log --year 2024-25 --format json --monthly --no-cache"
        "metrics --log $log --year 2022-23 --as-known-at 2023-06-30 --format csv --no-cache"
        "check --log $log --format csv"
        "check --log $log --format json"
        "check --log $log --as-of 2023-03-31"
        "cohort repeat-cp --log $log --from 2021-04-01 --to 2025-03-31"
        "cohort repeat-cp --log $log --from 2021-04-01 --to 2025-03-31 --format csv"
        "stats --log $log"
        "export --log $log"
    )
done
for log in "$sample" "$council"; do
    runs+=("verify --log $log" "metrics --log $log --year 2024-25")   # the second from the checkpoint
done
runs+=(
    "chronology $child --log $sample"
    "chronology $child --log $sample --format json"
    "chronology $child --log $sample --diff 2022-01-01 2025-01-01"
    "chronology $councilChild --log $council --format markdown"
    "chronology $councilChild --log $council --format html --as-known-at 2023-01-01"
    "synth --children 500 --from 2021-04-01 --to 2024-03-31 --seed 3"
)

failed=0
n=0
for args in "${runs[@]}"; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    "$old" $args >"$work/old.out" 2>"$work/old.err"; oldStatus=$?
    # shellcheck disable=SC2086
    "$new" $args >"$work/new.out" 2>"$work/new.err"; newStatus=$?
    if ! cmp -s "$work/old.out" "$work/new.out" || [ $oldStatus -ne $newStatus ]; then
        echo "DIFFERS: journey $args (exit $oldStatus / $newStatus)"
        diff "$work/old.out" "$work/new.out" | head -10
        failed=1
    fi
done
for log in "$sample" "$council"; do
    n=$((n + 1))
    for build in old new; do
        bin=$old; [ $build = new ] && bin=$new
        "$bin" report --log "$log" --year 2024-25 --stamp 2025-04-01T09:00:00Z --out "$work/pack-$build.html" --no-cache \
            >/dev/null 2>&1
    done
    cmp -s "$work/pack-old.html" "$work/pack-new.html" || { echo "DIFFERS: report --log $log"; failed=1; }
done
if [ $failed -eq 0 ]; then echo "same: $n commands, every output byte for byte"; else exit 1; fi
