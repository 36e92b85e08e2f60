#!/usr/bin/env bash
# `check` and `metrics` after appends that move the log's latest day on, two builds side by side: each build on its
# own copy of one log folder (each keeps its own checkpoint and saved results). For each file of events given (a
# day's events, dated after everything before them), the file is appended to both copies, then `check --format csv`
# runs on each, old then new (the first run after the append), and again on each (nothing appended since), then
# `metrics --year YEAR --format json` on each (the first after the append). The outputs of the two builds are
# compared byte for byte on every run; the wall-clock times of every run and their medians are printed.
#
#   Benchmarks/Scripts/later-days.sh OLD_JOURNEY OLD_LOG NEW_JOURNEY NEW_LOG DAY.jsonl...
#
# YEAR is 2024-25, or the environment's YEAR. Both logs must hold the same events, each with a checkpoint and saved
# results made by its own build (run `metrics` and `check` once on each copy first). Nothing else should run on the
# machine: times are wall clock.
set -euo pipefail
old_bin=$1 old_log=$2 new_bin=$3 new_log=$4
shift 4
year=${YEAR:-2024-25}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=timing.sh
source "$(dirname "$0")/timing.sh"

runs=(first again metrics)
for run in "${runs[@]}"; do : >"$work/old.$run"; : >"$work/new.$run"; done
for day in "$@"; do
  "$old_bin" append "$day" --log "$old_log" >/dev/null
  "$new_bin" append "$day" --log "$new_log" >/dev/null
  for run in "${runs[@]}"; do
    case $run in
      metrics) args=(metrics --year "$year" --format json) ;;
      *) args=(check --format csv) ;;
    esac
    seconds "$old_bin" "${args[@]}" --log "$old_log" >"$work/old.out" 3>>"$work/old.$run"
    seconds "$new_bin" "${args[@]}" --log "$new_log" >"$work/new.out" 3>>"$work/new.$run"
    cmp -s "$work/old.out" "$work/new.out" || { echo "$day: the two builds' ${args[0]} differ" >&2; exit 1; }
  done
  printf '%s: check first old %s s, new %s s; again old %s s, new %s s; metrics old %s s, new %s s\n' \
    "$(basename "$day")" \
    "$(tail -1 "$work/old.first")" "$(tail -1 "$work/new.first")" \
    "$(tail -1 "$work/old.again")" "$(tail -1 "$work/new.again")" \
    "$(tail -1 "$work/old.metrics")" "$(tail -1 "$work/new.metrics")"
done
for run in "${runs[@]}"; do
  case $run in
    metrics) label='metrics, first run after each append' ;;
    *) label="check, $run run after each append" ;;
  esac
  printf '%s: old %s s, new %s s (medians of %s)\n' "$label" \
    "$(median <"$work/old.$run")" "$(median <"$work/new.$run")" "$#"
done
