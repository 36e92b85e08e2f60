#!/usr/bin/env bash
# What the checks cost beside the work around them: `check` judged on DAY with every check, with the 78 checks the
# catalogue held before the checks were shared out between cores (`93f69a6^`), and with one check; `metrics` with
# every metric and with one. Each round runs all five; `metrics` asks for a year not asked before in the rounds
# (ROUNDS up to 5: 2020-21, 2021-22, … 2024-25), one metric first, so that no run answers from saved results (a run
# of one metric answers from the saved results of every metric for its year). Then the medians of the wall time and
# of the CPU time (user + system), with the range of the wall time.
#
#   Benchmarks/Scripts/checks-own-cost.sh ROUNDS JOURNEY LOG DAY
#
# LOG must hold a checkpoint at its end (run `metrics` on it once), so that no run replays the log or saves one.
# A run of one check (`parent-not-recorded`) still builds every record with its recording and makes each child's
# journey: it is the cost of checking with no checks to speak of.
set -euo pipefail
# shellcheck source=timing.sh
source "$(dirname "$0")/timing.sh"
rounds=$1 journey=$(realpath "$2") log=$3 day=$4
repository=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The older catalogue's checks by their struct names, each struct's id read from its file as it is today.
older_ids=$(
  git -C "$repository" show '93f69a6^:Sources/JourneyChecks/CheckCatalogue.swift' |
    sed -n '/static let all/,/^    \]/p' | grep -oE '[A-Z][A-Za-z0-9]+\(\)' | tr -d '()' |
    while read -r name; do
      file=$(grep -rlE "struct $name\b" "$repository/Sources/JourneyChecks" | head -1)
      grep -oE '(let|var) id[: A-Za-z]*= "[a-z0-9-]+"|var id: String \{ "[a-z0-9-]+" \}' "$file" |
        head -1 | grep -oE '"[a-z0-9-]+"' | tr -d '"'
    done | paste -sd,
)
echo "older catalogue: $(tr ',' '\n' <<< "$older_ids" | wc -l) checks"

for round in $(seq "$rounds"); do
  year=$((2019 + round))
  runs=(
    "check-all|check --as-of $day --format csv --fail-on never"
    "check-older|check --as-of $day --only $older_ids --format csv --fail-on never"
    "check-one|check --as-of $day --only parent-not-recorded --format csv --fail-on never"
    "metrics-one|metrics --year $year-$(((year + 1) % 100)) --only re-referrals --format json"
    "metrics-all|metrics --year $year-$(((year + 1) % 100)) --format json"
  )
  for run in "${runs[@]}"; do
    name=${run%%|*}
    read -ra args <<< "${run#*|}"
    /usr/bin/time -f "%e %U %S" -o "$work/time" "$journey" "${args[@]}" --log "$log" > /dev/null 2> /dev/null
    echo "$name $(cat "$work/time")" >> "$work/times"
  done
done
awk '{ wall[$1] = wall[$1] " " $2; cpu[$1] = cpu[$1] " " ($3 + $4) }
     END { for (key in wall) print key "|" wall[key] "|" cpu[key] }' "$work/times" | sort |
  while IFS='|' read -r key walls cpus; do
    echo "$key: wall $(median <<< "$walls") s ($(range <<< "$walls")), CPU $(median <<< "$cpus") s"
  done
