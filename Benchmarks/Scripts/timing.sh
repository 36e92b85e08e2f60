# Shell functions the timing scripts here share (sourced, not run).

seconds() { # seconds BIN ARGS... > output; prints the wall-clock seconds on fd 3
  local start end
  start=$(date +%s.%N)
  "$@" || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc >&3
}

# numbers: the numbers on standard input, whether one a line or several to a line with spaces between, one a line.
numbers() { tr -s ' ' '\n' | grep .; }

# median: the median of the numbers on standard input (see `numbers`).
median() { numbers | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# range: the least and greatest of the numbers on standard input (see `numbers`), as `least-greatest`.
range() { numbers | sort -n | sed -n '1p;$p' | paste -sd-; }

# fresh_copy TEMPLATE COPY: a log folder to append to, made of hard links to the template's files except the head and
# the last segment, which an append writes in place and are copied: every other file is only ever replaced whole
# (the cache folder's files are renamed into place), so the template is never changed. Copying a 10M-event log whole
# (2 GB) left the kernel writing it back while the command timed ran.
fresh_copy() {
  local template=$1 copy=$2 last file
  rm -rf "$copy"
  cp -al "$template" "$copy"
  last=$(cd "$template" && ls segment-*.log | tail -1)
  for file in head "$last"; do
    rm "$copy/$file"
    cp "$template/$file" "$copy/$file"
  done
}

# stop_server PID > FILE: writes the server's resident memory now and at its peak (VmRSS, VmHWM), then stops it and
# waits for it (so not in a subshell: the server is the script's child).
stop_server() {
  awk '/VmRSS|VmHWM/ { printf "%s %.2f GB; ", $1, $2 / 1000000 }' "/proc/$1/status"
  kill "$1"
  wait "$1" 2>/dev/null || true
}
