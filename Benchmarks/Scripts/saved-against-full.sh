#!/usr/bin/env bash
# What the saved results and the reads in part give, against what a full replay gives, on a council with defects fed
# to a log folder in chunks of many sizes: after each chunk, `check` (CSV, and `--only` two checks) and `metrics`
# (JSON, and `--only` two metrics) from the saved results against `--no-cache`, and chronologies read in part from
# the folder (the chunk's children and others at random, with `--diff`) against the same lines replayed from a JSON
# Lines file. Prints each difference, and a line for each chunk; exits 1 if anything differed. Not a timing: it takes
# about 7 minutes on 2 cores with the defaults, more than CI gives the tests, so it is run by hand after a change to
# the saved results, the checkpoint or the reads in part.
#
#   Benchmarks/Scripts/saved-against-full.sh JOURNEY [CHILDREN] [SEED]
#
# The council is `journey synth --children CHILDREN --from 2020-04-01 --to 2025-03-31 --seed SEED --defect-rate 0.05`
# (20,000 children and seed 7 by default: 576,896 events, with 54 retractions, 106 corrections and 118 merges). The
# first chunk is seven eighths of it, so that the rest comes after a checkpoint; then chunks of 1, 100, 10,000, 1 and
# 5,000 events, then the rest in two.
set -euo pipefail
journey=$1 children=${2:-20000} seed=${3:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

"$journey" synth --children "$children" --from 2020-04-01 --to 2025-03-31 --seed "$seed" --defect-rate 0.05 \
  --out council.jsonl >/dev/null 2>&1
total=$(wc -l <council.jsonl)
first=$((total * 7 / 8))
bounds=("$first")
for size in 1 100 10000 1 5000; do bounds+=($((${bounds[-1]} + size))); done
bounds+=($(((${bounds[-1]} + total) / 2)) "$total")  # (the middle is past the end for a small council: skipped)
# The two checks and two metrics asked for with --only: the checks with the most findings in the whole council.
only_checks=$("$journey" check --log council.jsonl --format csv --fail-on never | tail -n +2 | cut -d, -f1 | sort |
  uniq -c | sort -rn | head -2 | awk '{ print $2 }' | paste -sd,)
only_metrics=re-referrals,assessment-timeliness

differences=0
differ() {
  echo "differ: $*"
  differences=$((differences + 1))
}
same() { # same NAME COMMAND...: the command's output on the log folder equals its output with --no-cache
  "$@" --log log >saved.out 2>&1 || true
  "$@" --log log --no-cache >full.out 2>&1 || true
  cmp -s saved.out full.out || differ "$1 ${*:2}"
}

: >so-far.jsonl
previous=0
for bound in "${bounds[@]}"; do
  # A small council's chunks end at its last event.
  bound=$((bound < total ? bound : total))
  [ "$bound" -gt "$previous" ] || continue
  sed -n "$((previous + 1)),${bound}p" council.jsonl >chunk.jsonl
  cat chunk.jsonl >>so-far.jsonl
  "$journey" append chunk.jsonl --log log >/dev/null
  # Each pair twice: the plain run saves the results of every check or metric, which --only then brings up to date.
  same "$journey" check --format csv --fail-on never
  same "$journey" check --format csv --fail-on never --only "$only_checks"
  same "$journey" metrics --year 2024-25 --format json
  same "$journey" metrics --year 2024-25 --format json --only "$only_metrics"
  children_compared=0
  for child in $({
    grep -o '"child":"[^"]*"' chunk.jsonl | sort -u | shuf -n 15 --random-source=<(yes "$bound")
    grep -o '"into":"[^"]*"' so-far.jsonl | sort -u | shuf -n 5 --random-source=<(yes "$bound")
    grep -o '"child":"[^"]*"' so-far.jsonl | sort -u | shuf -n 5 --random-source=<(yes "$seed")
  } | sed 's/.*:"\(.*\)"/\1/' | sort -u); do
    for options in "--format json" "--diff 2023-01-01 2025-01-01 --format text"; do
      # shellcheck disable=SC2086
      "$journey" chronology "$child" --log log $options >part.out 2>&1 || true
      # shellcheck disable=SC2086
      "$journey" chronology "$child" --log so-far.jsonl $options >whole.out 2>&1 || true
      cmp -s part.out whole.out || differ "chronology $child $options after $bound events"
    done
    children_compared=$((children_compared + 1))
  done
  echo "after $bound of $total events: check, metrics and $children_compared chronologies compared"
  previous=$bound
done
echo "$differences differences"
[ "$differences" -eq 0 ]
