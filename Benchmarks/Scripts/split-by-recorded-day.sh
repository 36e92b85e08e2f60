#!/usr/bin/env bash
# A council's events as its case system would have appended them day by day: the events of COUNCIL.jsonl (as
# `journey synth` writes them, in recorded order) recorded on or before LAST_DAY go to OUT/base.jsonl, and those of
# each later recorded day, up to UNTIL, to OUT/day-YYYY-MM-DD.jsonl. Appending base.jsonl and then the days in turn
# is a council's own flow of data: each day's events carry on the children already in the log (visits, reviews,
# assessments completed, plans ended) as well as new ones.
#
#   Benchmarks/Scripts/split-by-recorded-day.sh COUNCIL.jsonl LAST_DAY UNTIL OUT
set -euo pipefail
council=$1 last=$2 until=$3 out=$4
mkdir -p "$out"
awk -v last="$last" -v until="$until" -v out="$out" '
  {
    if (!match($0, /"recorded":"[0-9-]+/)) { print "no recorded date on line " NR > "/dev/stderr"; exit 1 }
    day = substr($0, RSTART + 12, 10)
    if (day <= last) { print > (out "/base.jsonl"); next }
    if (day > until) exit
    print > (out "/day-" day ".jsonl")
  }
' "$council"
ls "$out"
