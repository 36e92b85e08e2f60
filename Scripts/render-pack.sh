#!/usr/bin/env bash
# Renders the sample's performance pack in headless Chromium and checks what a reader would see: the page loads
# with no console message, every chart has data (or says that every team is too small to show), the screenshot is
# not blank, the file is owner-only, and the same arguments give the same bytes.
#
#   bash Scripts/render-pack.sh [journey binary]     (default .build/debug/journey; run `swift build` first)
#
# The screenshot is left in $PACK_OUT (default a fresh temporary folder) for a person to look at. Without a browser
# the check is skipped, except under CI (CI=true), where a missing browser is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
journey="${1:-.build/debug/journey}"

browser=""
for name in chromium chromium-browser google-chrome; do
    if command -v "$name" >/dev/null 2>&1; then browser="$name"; break; fi
done
if [ -z "$browser" ]; then
    if [ "${CI:-}" = "true" ]; then echo "render-pack: no Chromium found (CI needs it)" >&2; exit 1; fi
    echo "render-pack: skipped, no Chromium (apt-get install chromium)" >&2
    exit 0
fi

out="${PACK_OUT:-$(mktemp -d)}"
mkdir -p "$out" && chmod 700 "$out"
fail() { echo "render-pack: FAILED: $*" >&2; exit 1; }

args=(report --log event-logs/sample.jsonl --year 2024-25 --stamp 2025-04-01T09:00:00Z)
start=$(date +%s%N)
"$journey" "${args[@]}" --out "$out/pack.html"
echo "render-pack: pack written in $(( ($(date +%s%N) - start) / 1000000 )) ms"
"$journey" "${args[@]}" --out "$out/again.html"
cmp -s "$out/pack.html" "$out/again.html" || fail "two runs with the same arguments gave different bytes"
[ "$(stat -c %a "$out/pack.html")" = "600" ] || fail "pack.html is not owner-only (0600)"
if grep -Eq '<script|<link|src="http|href="http|url\(' "$out/pack.html"; then
    fail "the pack refers to something outside itself"
fi

# No network: every host name fails to resolve, so anything fetched would show as an error.
chrome=("$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --host-resolver-rules="MAP * ~NOTFOUND"
    --enable-logging=stderr --v=0)
"${chrome[@]}" --window-size=1200,6400 --screenshot="$out/pack.png" "file://$(realpath "$out/pack.html")" \
    2>"$out/browser.log" >/dev/null
"${chrome[@]}" --dump-dom "file://$(realpath "$out/pack.html")" 2>>"$out/browser.log" >"$out/dom.html"
if grep -q 'CONSOLE' "$out/browser.log"; then
    grep 'CONSOLE' "$out/browser.log" >&2
    fail "the page wrote to the console"
fi

python3 - "$out/dom.html" <<'PY' || fail "a chart has no data"
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
charts = re.findall(r'<svg class="chart([^"]*)"(.*?)</svg>', dom, re.S)
empty = [i for i, (cls, body) in enumerate(charts) if 'class="mark"' not in body and "all-hidden" not in cls]
hidden = sum(1 for cls, _ in charts if "all-hidden" in cls)
print(f"render-pack: {len(charts)} charts in the rendered page, {hidden} with every team under 5")
if len(charts) < 21 or empty:
    print(f"render-pack: charts without data: {empty}", file=sys.stderr)
    sys.exit(1)
PY

read -r width height colours inked < <(python3 Scripts/png.py stats "$out/pack.png")
echo "render-pack: screenshot ${width}x${height}, $colours colours, ${inked} of it not white"
python3 -c "import sys; sys.exit(0 if int('$colours') > 50 and float('$inked') > 0.02 else 1)" \
    || fail "the screenshot is blank"
echo "render-pack: ok ($out/pack.png)"
