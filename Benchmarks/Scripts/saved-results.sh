#!/usr/bin/env bash
# The whole `metrics` and `check` commands after an append, two builds side by side: each build on its own copy of
# one log folder (each keeps its own checkpoint and saved results), the same events appended to both, then the
# commands run alternately, old then new, and the medians of the wall-clock times printed. The outputs of the two
# builds are compared byte for byte on every run.
#
#   Benchmarks/Scripts/saved-results.sh OLD_JOURNEY OLD_LOG NEW_JOURNEY NEW_LOG EVENTS.jsonl [RUNS] [YEAR]
#
# EVENTS.jsonl given as - appends nothing: the logs already hold the events since the checkpoint.
#
# Both logs must hold the same events, each with a checkpoint made by its own build and, for the new build, the
# saved results of the same question (run each command once on each copy before appending). Nothing else should
# run on the machine: times are wall clock.
set -euo pipefail
old_bin=$1 old_log=$2 new_bin=$3 new_log=$4 events=$5 runs=${6:-5} year=${7:-2024-25}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "$events" != - ]; then
  "$old_bin" append "$events" --log "$old_log" >/dev/null
  "$new_bin" append "$events" --log "$new_log" >/dev/null
fi

# shellcheck source=timing.sh
source "$(dirname "$0")/timing.sh"

for command in metrics check; do
  case $command in
    metrics) args=(metrics --year "$year" --format json) ;;
    check) args=(check --format csv) ;;
  esac
  : >"$work/old.times"
  : >"$work/new.times"
  for _ in $(seq "$runs"); do
    seconds "$old_bin" "${args[@]}" --log "$old_log" >"$work/old.out" 3>>"$work/old.times"
    seconds "$new_bin" "${args[@]}" --log "$new_log" >"$work/new.out" 3>>"$work/new.times"
    cmp -s "$work/old.out" "$work/new.out" || { echo "$command: the two builds' outputs differ" >&2; exit 1; }
  done
  printf '%-8s old %s s, new %s s (medians of %s; runs: old %s; new %s)\n' "$command" \
    "$(median <"$work/old.times")" "$(median <"$work/new.times")" "$runs" \
    "$(tr '\n' ' ' <"$work/old.times")" "$(tr '\n' ' ' <"$work/new.times")"
done
