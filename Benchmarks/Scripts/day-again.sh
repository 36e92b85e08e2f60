#!/usr/bin/env bash
# One day's append, again and again, two builds alternating: each round, for each build, a fresh copy of its own
# template log folder has DAY.jsonl appended and `check --format csv` is timed (its first run after the append: the
# wall clock to the millisecond, user and system seconds from /usr/bin/time). The two builds' outputs are compared
# byte for byte every round. Another command is timed instead when given after `--` (without `--log`).
#
#   Benchmarks/Scripts/day-again.sh ROUNDS DAY.jsonl OLD_JOURNEY OLD_TEMPLATE NEW_JOURNEY NEW_TEMPLATE
#   Benchmarks/Scripts/day-again.sh ROUNDS DAY.jsonl OLD_JOURNEY OLD_TEMPLATE NEW_JOURNEY NEW_TEMPLATE \
#     -- metrics --year 2024-25 --format json
#   OUT=pack.html Benchmarks/Scripts/day-again.sh ROUNDS DAY.jsonl OLD_JOURNEY OLD_TEMPLATE NEW_JOURNEY NEW_TEMPLATE \
#     -- report --year 2024-25 --month 2024-12 --stamp 2025-01-10T09:00:00Z --out pack.html
#
# Each build's copy is a folder named log, and the command runs in the folder that holds it (with --log log), so that
# what names the log (the pack's pages) is the same for both. OUT names a file the command writes there, compared
# in place of its standard output. The log's head hash is left out of what is compared: each append's time of commit
# is in the chain hash, so the two copies' heads differ.
#
# Each template must hold the same events and a checkpoint and saved results made by its own build (run `metrics`
# and `check` once on it), and must not be a log folder a build is run on: the copies share its files. Saved results
# are tied to the executable's file, its time of last change included (`System.executableStamp`): anything that
# changes that time after the template is made (`perf record`, which links each binary it profiles into its build-id
# cache; `chmod`; `ln`) makes every round a full evaluation. Make the template again after profiling a build.
#
# A copy is made of hard links to the template's files (`fresh_copy`, timing.sh): copying a 10M-event log whole each
# round (2 GB) left the kernel writing it back while the command ran, and its system time varied threefold from
# round to round.
set -euo pipefail
rounds=$1 day=$(realpath "$2")
bins=("$(realpath "$3")" "$(realpath "$5")") templates=("$(realpath "$4")" "$(realpath "$6")")
shift 6
command=(check --format csv --fail-on never)
if [ "${1:-}" = "--" ]; then
  shift
  command=("$@")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=timing.sh
source "$(dirname "$0")/timing.sh"

for i in 0 1; do : >"$work/wall.$i"; done
for round in $(seq "$rounds"); do
  line="round $round:"
  for i in 0 1; do
    mkdir -p "$work/$i"
    copy=$work/$i/log
    fresh_copy "${templates[$i]}" "$copy"
    sync
    "${bins[$i]}" append "$day" --log "$copy" >/dev/null
    sync
    # The wall clock read to the millisecond around the command (/usr/bin/time's is to the hundredth).
    start=$(date +%s.%N)
    times=$({ cd "$work/$i" && /usr/bin/time -f '%U %S' "${bins[$i]}" "${command[@]}" --log log >"$work/$i/out"; } 2>&1 |
      tail -1)
    wall=$(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.3f')
    echo "$wall" >>"$work/wall.$i"
    line="$line ${bins[$i]}: $wall $times s (wall, user, system);"
  done
  for i in 0 1; do sed -E 's/head( hash)?( +)[0-9a-f]{12,64}/head\1\2(hash)/g' "$work/$i/${OUT:-out}" >"$work/$i/compared"; done
  cmp -s "$work/0/compared" "$work/1/compared" || { echo "round $round: the two builds' ${command[0]} differ" >&2; exit 1; }
  echo "$line"
done
printf '%s, first run after the append: old %s s, new %s s (medians of %s)\n' "${command[0]}" \
  "$(median <"$work/wall.0")" "$(median <"$work/wall.1")" "$rounds"
