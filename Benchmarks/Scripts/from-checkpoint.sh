#!/usr/bin/env bash
# The commands that read every record from the checkpoint each time they run (no saved results), two builds
# alternating on one log folder: Annex A, the repeat-CP cohort, a caseload and an audit sample on a given day, and the
# checks judged on a given day. Each round runs each command with the old build, then the new, and compares their
# outputs byte for byte (Annex A's workbooks by their unzipped parts: a zip's bytes hold nothing else of the run);
# then the medians of the wall time and of the CPU time (user + system), and the range of peak RSS.
#
#   Benchmarks/Scripts/from-checkpoint.sh ROUNDS OLD_JOURNEY NEW_JOURNEY LOG DAY
#
# LOG must hold a checkpoint at its end, which both builds read (run `metrics` on it once), so that no run replays
# the log or saves a checkpoint. DAY is the --as-of, --on and Annex A date (cohorts: plans from 21 months before it).
set -euo pipefail
# shellcheck source=timing.sh
source "$(dirname "$0")/timing.sh"
rounds=$1 old=$(realpath "$2") new=$(realpath "$3") log=$4 day=$5
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
from=$(date -d "$day -21 months +1 day" +%F)
commands=(
  "annex-a --as-of $day --out OUT.xlsx"
  "cohort repeat-cp --from $from --to $day --format json"
  "caseload --on $day"
  "audit-sample --size 20 --seed 7 --on $day"
  "check --as-of $day --format csv --fail-on never"
)
for round in $(seq "$rounds"); do
  for command in "${commands[@]}"; do
    name=${command%% *}
    for build in old new; do
      bin=$old
      [ "$build" = new ] && bin=$new
      read -ra args <<< "${command//OUT/$work/$build}"
      /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" "${args[@]}" --log "$log" > "$work/$build.out" 2> /dev/null
      echo "$round $name $build $(cat "$work/time")" >> "$work/times"
    done
    if [ "$name" = annex-a ]; then
      rm -rf "$work/unzipped-old" "$work/unzipped-new"
      unzip -q "$work/old.xlsx" -d "$work/unzipped-old" && unzip -q "$work/new.xlsx" -d "$work/unzipped-new"
      diff -rq "$work/unzipped-old" "$work/unzipped-new" > /dev/null || echo "round $round: $name differs"
    else
      cmp -s "$work/old.out" "$work/new.out" || echo "round $round: $name differs"
    fi
  done
done
awk '{ key = $2 " " $3; wall[key] = wall[key] " " $4; cpu[key] = cpu[key] " " ($5 + $6)
       rss[key] = rss[key] " " int($7 / 1024) }
     END { for (key in wall) print key "|" wall[key] "|" cpu[key] "|" rss[key] }' "$work/times" | sort |
  while IFS='|' read -r key walls cpus rsses; do
    echo "$key: wall $(median <<< "$walls") s ($(range <<< "$walls")), CPU $(median <<< "$cpus") s, peak RSS $(range <<< "$rsses") MB"
  done
