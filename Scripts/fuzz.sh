#!/usr/bin/env bash
# Builds the fuzz targets (Fuzz/, libFuzzer with AddressSanitizer) and runs each for a bounded time.
#
#     bash Scripts/fuzz.sh --seconds 20                          # every target, 20 s each (what CI runs)
#     bash Scripts/fuzz.sh event-json cin-census --seconds 3600  # two targets, an hour each
#     bash Scripts/fuzz.sh ssda903 --seconds 60 -- -jobs=1 -only_ascii=1   # after --: more libFuzzer flags
#
# Targets: event-json, event-binary, cin-census, ssda903 (the executables are Fuzz/.build/debug/fuzz-TARGET).
# Each run starts from the committed seeds (Fuzz/Corpus/TARGET) and the inputs found by earlier runs on this machine
# (Fuzz/.build/fuzz/TARGET/corpus, never committed). A crash, a sanitizer report, a timeout (an input taking over
# 10 s) or an input needing over 2 GB stops the run: the input is saved under Fuzz/.build/fuzz/TARGET/ and named
# here, and the script exits 1. Reproduce with `SWIFT_BACKTRACE=enable=no Fuzz/.build/debug/fuzz-TARGET FILE`
# (for cin-census, also ASAN_OPTIONS=detect_leaks=0); minimise by adding `-minimize_crash=1 -max_total_time=120`.
# Targets run one after another; for two at a time (the most a 2-core machine takes), run two of these at once.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v swift >/dev/null 2>&1; then
    export PATH="/opt/swift/usr/bin:$PATH"
fi

all=(event-json event-binary cin-census ssda903)
targets=()
seconds=60
extra=()
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
        --) shift; extra=("$@"); break ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *)
            if [[ " ${all[*]} " != *" $1 "* ]]; then
                echo "unknown target $1 (the targets: ${all[*]})" >&2
                exit 64
            fi
            targets+=("$1"); shift ;;
    esac
done
if ! [[ "$seconds" =~ ^[1-9][0-9]*$ ]]; then
    echo "--seconds takes a whole number of seconds, at least 1" >&2
    exit 64
fi
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

echo "building the fuzz targets (libFuzzer, AddressSanitizer)"
start=$(date +%s)
# SwiftPM's --sanitize=fuzzer (which makes the executables use libFuzzer's main), and the sanitizers for the Swift
# compiler as one flag: given --sanitize=fuzzer --sanitize=address, SwiftPM passes two flags in no fixed order and
# the compiler keeps only the last, so a build came out with coverage and no AddressSanitizer, or the other way
# round, and libFuzzer fuzzed blind. Linked with lld, which the toolchain ships: the default gold linker warns about
# every AddressSanitizer helper it cannot export. (The C targets, the CRC-32C instruction and swift-crypto's
# BoringSSL, get coverage only.)
swift build --package-path Fuzz --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
echo "built in $(($(date +%s) - start)) s"

# Swift's own crash reporter would race the sanitizer's and libFuzzer's handlers (and hold a crashed run for 30 s).
export SWIFT_BACKTRACE=enable=no
failed=0
for target in "${targets[@]}"; do
    work="Fuzz/.build/fuzz/$target"
    mkdir -p "$work/corpus" "$work/crashes"
    flags=()
    for d in Fuzz/Dictionaries/"$target".*dict; do
        if [ -f "$d" ]; then flags+=("-dict=$d"); fi
    done
    leaks=1
    if [ "$target" = cin-census ]; then
        # Foundation's XMLParser leaks an error object for every malformed document, so leak checking would stop
        # every run there (at the latest when it exits), and checking after each such input makes the target ten
        # times slower.
        flags+=(-detect_leaks=0)
        leaks=0
    fi
    echo "== fuzz $target (${seconds} s)"
    set +e
    # The first corpus folder receives the new inputs; the seeds are read only.
    ASAN_OPTIONS="detect_leaks=$leaks${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
        "Fuzz/.build/debug/fuzz-$target" "$work/corpus" "Fuzz/Corpus/$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
        -artifact_prefix="$work/crashes/" -print_final_stats=1 ${flags[@]+"${flags[@]}"} ${extra[@]+"${extra[@]}"} \
        >"$work/last-run.log" 2>&1
    status=$?
    set -e
    grep -E "^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)" \
        "$work/last-run.log" || true
    if grep -q "^#[0-9]*[[:space:]]*INITED exec/s" "$work/last-run.log"; then
        # libFuzzer saw no coverage at all: the build lost its instrumentation, and a run would fuzz blind.
        echo "fuzz $target: no coverage was seen (is the build instrumented?): see $work/last-run.log" >&2
        failed=1
    fi
    if [ $status -ne 0 ]; then
        failed=1
        echo "fuzz $target FAILED (exit $status): the last lines of $work/last-run.log:" >&2
        tail -n 40 "$work/last-run.log" >&2
        grep -h "Test unit written to" "$work/last-run.log" | sed 's/^.*Test unit written to/the input is saved at/' >&2
    fi
done
exit $failed
