#!/usr/bin/env bash
# The service through a council's days, two builds alternating: each round, for each build, `journey-serve` is
# started on a fresh copy of the template log folder, then each FILE.jsonl is appended by `journey append` from
# another process and followed by `GET /v1/metrics` (timed: the server folds the events into its live figures and
# findings on that read) and `GET /v1/checks?format=csv`. Prints, per build and round, the start to the first
# answer, each read's time, and the server's resident memory at the end and at its peak (VmRSS, VmHWM); fails when
# an answer of the two builds differs.
#
#   Benchmarks/Scripts/serve-days.sh ROUNDS JOURNEY TEMPLATE OLD_SERVE NEW_SERVE FILE.jsonl...
#
# JOURNEY appends (the same program for both builds). The template must hold a checkpoint, and must not be a log
# folder a build is run on: each copy is made of hard links to its files (`fresh_copy`, timing.sh).
set -euo pipefail
rounds=$1 journey=$2 template=$3
serves=("$4" "$5")
shift 5
files=("$@")
# shellcheck source=timing.sh
source "$(dirname "$0")/timing.sh"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((18400 + RANDOM % 500))

for round in $(seq "$rounds"); do
  for i in 0 1; do
    copy=$work/log.$i
    rm -rf "$work/out.$i"
    mkdir "$work/out.$i"
    fresh_copy "$template" "$copy"
    address=127.0.0.1:$((port + i))
    start=$(date +%s.%N)
    "${serves[$i]}" --log "$copy" --listen "$address" --live-year 2024-25 >"$work/serve.$i.log" 2>&1 &
    pid=$!
    until curl -sf -o /dev/null "http://$address/v1/metrics"; do sleep 0.2; done
    line="round $round, ${serves[$i]}: start $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.2f') s;"
    for f in "${files[@]}"; do
      name=$(basename "$f" .jsonl)
      "$journey" append "$f" --log "$copy" >/dev/null
      read=$(curl -s -o "$work/out.$i/$name.json" -w '%{time_total}' "http://$address/v1/metrics")
      curl -s -o "$work/out.$i/$name.csv" "http://$address/v1/checks?format=csv"
      line="$line $name ${read} s;"
    done
    stop_server "$pid" >"$work/memory.$i"
    echo "$line $(cat "$work/memory.$i")"
  done
  diff -rq "$work/out.0" "$work/out.1" >/dev/null || { echo "round $round: the two builds' answers differ" >&2; exit 1; }
done
echo "every answer the same, byte for byte, in every round"
