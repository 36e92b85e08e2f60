#!/usr/bin/env bash
# Makes the seed corpora (Corpus/*) and the dictionaries (Dictionaries/*) from the project's fixtures: the sample
# log, the importer tests' SSDA903 and CIN census fixtures, and a few stored records made by appending sample lines
# to a scratch log. The seeds are committed; run this again only to change them.
#
#     bash Fuzz/make-seeds.sh [path/to/journey]     # default: the main package's debug build
set -euo pipefail
cd "$(dirname "$0")"
root=..
journey="${1:-$root/.build/debug/journey}"
[ -x "$journey" ] || { echo "no journey binary at $journey: run swift build first, or pass its path" >&2; exit 1; }
fixtures="$root/Tests/JourneyImportTests/Fixtures"

rm -rf Corpus Dictionaries
mkdir -p Corpus/event-json Corpus/event-binary Corpus/cin-census Corpus/ssda903 Dictionaries
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

python3 - "$root/event-logs/sample.jsonl" "$scratch/lines.jsonl" <<'PY'
import json, sys
# The first line of each event type, each a seed of its own, and the first 5 lines together.
sample, out = sys.argv[1], sys.argv[2]
lines = open(sample, encoding="utf-8").read().splitlines()
seen, chosen = set(), []
for line in lines:
    t = json.loads(line)["type"]
    if t not in seen:
        seen.add(t)
        chosen.append(line)
for i, line in enumerate(chosen):
    open(f"Corpus/event-json/type-{i:02d}.jsonl", "w").write(line + "\n")
open("Corpus/event-json/first-5.jsonl", "w").write("\n".join(lines[:5]) + "\n")
# Lines with no corrects or retraction: they append to an empty log on their own.
open(out, "w").write("\n".join(l for l in chosen if '"corrects"' not in l and "retracted" not in l
                                and "merged" not in l) + "\n")
# The dictionary: every key and every string value of the chosen lines, as JSON strings.
tokens = set()
def walk(v):
    if isinstance(v, dict):
        for k, x in v.items():
            tokens.add(json.dumps(k)); walk(x)
    elif isinstance(v, list):
        for x in v: walk(x)
    elif isinstance(v, str) and len(v) <= 40:
        tokens.add(json.dumps(v))
for line in chosen: walk(json.loads(line))
tokens |= {"true", "false", "null", "{", "}", "[", "]", ":", ",", "\"\\u0000\"", "1e308", "-0", "\"T00:00:00Z\"",
           "\"+01:00\"", "\".123456789\""}
with open("Dictionaries/event-json.dict", "w") as f:
    for t in sorted(tokens): f.write(json.dumps(t) + "\n")
PY

# Stored records: append the lines to a scratch log, then cut the segment (after its 16-byte header) into records.
"$journey" append "$scratch/lines.jsonl" --log "$scratch/log" >/dev/null
python3 - "$scratch/log/segment-000001.log" <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()[16:]
offset, n = 0, 0
while offset + 4 <= len(data):
    length = struct.unpack_from("<I", data, offset)[0]
    record = data[offset:offset + 4 + length + 4]
    kind = "event" if record[4] == 1 else "commit"
    open(f"Corpus/event-binary/{kind}-{n:02d}.bin", "wb").write(record)
    offset += len(record); n += 1
open("Corpus/event-binary/batch.bin", "wb").write(data)
PY

# CIN census: the small returns (the 250 KB one would slow every run and raise the input size limit).
for f in "$fixtures"/cin-census/CIN*.xml; do cp "$f" Corpus/cin-census/; done
python3 - "$root/Sources/JourneyImport/CINCensus/CINModule.swift" <<'PY'
import re, sys
names = set(re.findall(r'"([A-Za-z0-9]+)"', open(sys.argv[1]).read()))
with open("Dictionaries/cin-census.xml.dict", "w") as f:
    for n in sorted(names):
        for t in (f"<{n}>", f"</{n}>"): f.write(f'"{t}"\n')
    for t in ('<?xml version="1.0" encoding="UTF-8"?>', "<!DOCTYPE", "<![CDATA[", "]]>", "&amp;", "&#x41;", "xmlns=",
              "2024-03-31", "2023-24T00:00:00"):
        f.write('"' + t.replace('"', '\\"') + '"\n')
PY

# SSDA903: the first rows of each table (the header row and 10 children's rows).
for f in "$fixtures"/ssda903/*.csv; do head -n 11 "$f" > "Corpus/ssda903/$(basename "$f")"; done
python3 - Corpus/ssda903/*.csv <<'PY'
import sys
names = set()
for path in sys.argv[1:]:
    names |= {c.strip() for c in open(path, encoding="utf-8-sig").readline().split(",")}
with open("Dictionaries/ssda903.csv.dict", "w") as f:
    for n in sorted(names): f.write(f'"{n}"\n')
    for t in (",", "\\x0a", "\\x0d\\x0a", '\\"', "\\xef\\xbb\\xbf", "01/04/2024", "2024-04-01"): f.write(f'"{t}"\n')
PY
du -sh Corpus Dictionaries
