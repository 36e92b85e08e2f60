# Shell functions the timing scripts here share (sourced, not run).

seconds() { # seconds BIN ARGS... > output; prints the wall-clock seconds on fd 3
  local start end
  start=$(date +%s.%N)
  "$@" || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc >&3
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
