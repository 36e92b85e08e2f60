#!/usr/bin/env bash
# `check` after appends that move the log's latest day on, two builds side by side: each build on its own copy of
# one log folder (each keeps its own checkpoint and saved findings). For each file of events given (a day's events,
# dated after everything before them), the file is appended to both copies, then `check --format csv` runs on each,
# old then new (the first run after the append), and again on each (nothing appended since). The outputs of the two
# builds are compared byte for byte on every run; the wall-clock times of every run and their medians are printed.
#
#   Benchmarks/Scripts/later-days.sh OLD_JOURNEY OLD_LOG NEW_JOURNEY NEW_LOG DAY.jsonl...
#
# Both logs must hold the same events, each with a checkpoint and saved findings made by its own build (run
# `metrics` and `check` once on each copy first). Nothing else should run on the machine: times are wall clock.
set -euo pipefail
old_bin=$1 old_log=$2 new_bin=$3 new_log=$4
shift 4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=timing.sh
source "$(dirname "$0")/timing.sh"

for run in first again; do : >"$work/old.$run"; : >"$work/new.$run"; done
for day in "$@"; do
  "$old_bin" append "$day" --log "$old_log" >/dev/null
  "$new_bin" append "$day" --log "$new_log" >/dev/null
  for run in first again; do
    seconds "$old_bin" check --format csv --log "$old_log" >"$work/old.out" 3>>"$work/old.$run"
    seconds "$new_bin" check --format csv --log "$new_log" >"$work/new.out" 3>>"$work/new.$run"
    cmp -s "$work/old.out" "$work/new.out" || { echo "$day: the two builds' findings differ" >&2; exit 1; }
  done
  printf '%s: first run old %s s, new %s s; again old %s s, new %s s\n' "$(basename "$day")" \
    "$(tail -1 "$work/old.first")" "$(tail -1 "$work/new.first")" \
    "$(tail -1 "$work/old.again")" "$(tail -1 "$work/new.again")"
done
for run in first again; do
  printf 'check, %-5s run after each append: old %s s, new %s s (medians of %s)\n' "$run" \
    "$(median <"$work/old.$run")" "$(median <"$work/new.$run")" "$#"
done
