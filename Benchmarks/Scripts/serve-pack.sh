#!/usr/bin/env bash
# The service's pack pages through a council's days, two builds alternating: each round, for each build,
# `journey-serve` is started on a fresh copy of the template log folder, each PAGE is asked for (the first time:
# a full evaluation in either build), then each FILE.jsonl is appended by `journey append` from another process,
# followed by `GET /v1/metrics` (timed: the server folds the events in on that read) and each PAGE again (timed).
# Prints, per build and round, each read's time and the server's resident memory at the end and at its peak
# (VmRSS, VmHWM); fails when a page of the two builds differs but for the second it was made and the head hash
# (each append's time of commit is in the chain hash). Each copy is served as `log`, in a folder of its own, so
# that both builds' pages name the same log.
#
#   Benchmarks/Scripts/serve-pack.sh ROUNDS JOURNEY TEMPLATE OLD_SERVE NEW_SERVE FILE.jsonl... -- PAGE...
#
# PAGE is a path and query, such as '/pack?year=2024-25&month=2024-12'. JOURNEY appends (the same program for both
# builds). The template must hold a checkpoint, and must not be a log folder a build is run on (`fresh_copy`,
# timing.sh).
set -euo pipefail
rounds=$1 journey=$2 template=$3
serves=("$4" "$5")
shift 5
files=()
while [ "$1" != "--" ]; do
  files+=("$1")
  shift
done
shift
pages=("$@")
# shellcheck source=timing.sh
source "$(dirname "$0")/timing.sh"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
port=$((18900 + RANDOM % 500))

# read_pages ADDRESS OUT NAME: asks for each page, keeps it without the second it was made and the head hash,
# prints the times.
read_pages() {
  local address=$1 out=$2 name=$3 n=0 page time
  for page in "${pages[@]}"; do
    n=$((n + 1))
    time=$(curl -s -o "$out/$name.$n.raw" -w '%{time_total}' "http://$address$page")
    sed -E -e 's/made [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/made …/g' \
      -e 's/head( hash)? [0-9a-f]{12,64}/head …/g' "$out/$name.$n.raw" >"$out/$name.$n.html"
    rm "$out/$name.$n.raw"
    printf ' page %d %s s' "$n" "$time"
  done
}

for round in $(seq "$rounds"); do
  for i in 0 1; do
    copy=$work/$i/log
    rm -rf "$work/out.$i"
    mkdir -p "$work/out.$i" "$work/$i"
    fresh_copy "$template" "$copy"
    address=127.0.0.1:$((port + i))
    (cd "$work/$i" && exec "${serves[$i]}" --log log --listen "$address" --live-year 2024-25 >"$work/serve.$i.log" 2>&1) &
    pid=$!
    until curl -sf -o /dev/null "http://$address/v1/metrics"; do sleep 0.2; done
    line="round $round, ${serves[$i]}: first$(read_pages "$address" "$work/out.$i" first);"
    for f in "${files[@]}"; do
      name=$(basename "$f" .jsonl)
      "$journey" append "$f" --log "$copy" >/dev/null
      fold=$(curl -s -o /dev/null -w '%{time_total}' "http://$address/v1/metrics")
      line="$line $name: fold $fold s$(read_pages "$address" "$work/out.$i" "$name");"
    done
    stop_server "$pid" >"$work/memory.$i"
    echo "$line $(cat "$work/memory.$i")"
  done
  diff -rq "$work/out.0" "$work/out.1" >/dev/null || { echo "round $round: the two builds' pages differ" >&2; exit 1; }
done
echo "every page the same, but for the second it was made, in every round"
