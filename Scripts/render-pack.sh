#!/usr/bin/env bash
# Renders the sample's performance pack in headless Chromium and checks what a reader would see: the page loads
# with no console message, every chart has data (or says that every team is too small to show), the screenshot is
# not blank, the file is owner-only, and the same arguments give the same bytes. Then prints it to PDF as Chromium
# does (A4 landscape) and checks the printed pages: how many (a section that spills onto a near-empty page shows
# as one too many), and that every page has the protective marking at its top and bottom and "page N of M".
#
#   bash Scripts/render-pack.sh [journey binary]     (default .build/debug/journey; run `swift build` first)
#
# The screenshot, the PDF and a PNG of each printed page (page-1.png, …) are left in $PACK_OUT (default a fresh
# temporary folder) for a person to look at. Without a browser, or without poppler-utils (pdftoppm, pdftotext) for
# the printed pages, the check is skipped, except under CI (CI=true), where either missing is a failure.
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
# A trend of the permanence section that the log holds nothing for (the sample has no health events) says so.
said = lambda cls, body: "no-figure" in cls and "No figures for these months" in body
empty = [i for i, (cls, body) in enumerate(charts)
         if 'class="mark"' not in body and "all-hidden" not in cls and not said(cls, body)]
hidden = sum(1 for cls, _ in charts if "all-hidden" in cls)
nothing = sum(1 for cls, body in charts if said(cls, body))
print(f"render-pack: {len(charts)} charts in the rendered page, {hidden} with every team under 5, "
      f"{nothing} with no figure in the log")
if len(charts) < 35 or empty:
    print(f"render-pack: charts without data: {empty}", file=sys.stderr)
    sys.exit(1)
PY

read -r width height colours inked < <(python3 Scripts/png.py stats "$out/pack.png")
echo "render-pack: screenshot ${width}x${height}, $colours colours, ${inked} of it not white"
python3 -c "import sys; sys.exit(0 if int('$colours') > 50 and float('$inked') > 0.02 else 1)" \
    || fail "the screenshot is blank"

# The printed pages. The sample's pack prints on 8 pages: a section a page, but permanence and care leavers on 3 (its
# table, then its 14 trends on two); 9 leaves room for a longer table.
if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
    if [ "${CI:-}" = "true" ]; then fail "no pdftoppm or pdftotext (CI needs poppler-utils)"; fi
    echo "render-pack: printed pages skipped, no poppler-utils (apt-get install poppler-utils)" >&2
    echo "render-pack: ok ($out/pack.png)"
    exit 0
fi
marking="OFFICIAL-SENSITIVE"
"${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$out/pack.pdf" "file://$(realpath "$out/pack.html")" \
    2>>"$out/browser.log" >/dev/null
pages=$(pdfinfo "$out/pack.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }' || true)
[ -n "$pages" ] || pages=$(pdftotext "$out/pack.pdf" - | grep -c $'\f' || true)
[ "$pages" -ge 8 ] && [ "$pages" -le 9 ] || fail "the pack prints on $pages pages, expected 8 or 9"
pdftoppm -png -r 60 "$out/pack.pdf" "$out/page"
for ((i = 1; i <= pages; i++)); do
    text=$(pdftotext -f "$i" -l "$i" -layout "$out/pack.pdf" - | grep -v '^[[:space:]]*$' | tr -d '\f')
    # The running header can wrap to two lines, set either side of the marking's one.
    head -n 3 <<<"$text" | grep -q -- "$marking" || fail "printed page $i has no $marking at its top"
    tail -n 3 <<<"$text" | grep -q -- "$marking" || fail "printed page $i has no $marking at its foot"
    grep -q "page $i of $pages" <<<"$text" || fail "printed page $i does not say \"page $i of $pages\""
done
shots=$(find "$out" -maxdepth 1 -name 'page-*.png' | wc -l)
[ "$shots" -eq "$pages" ] || fail "$shots page screenshots for $pages pages"
echo "render-pack: printed on $pages A4 pages, each marked $marking at top and foot and numbered"
echo "render-pack: ok ($out/pack.png, $out/page-*.png)"
