"""Reading and cropping PNG screenshots with the standard library only (no Pillow on CI machines).

    python3 Scripts/png.py stats shot.png                  # width, height, distinct colours, share not white
    python3 Scripts/png.py crop shot.png out.png 0 1300     # rows 0 to 1300 (to look at one part of a long page)
"""

import struct
import sys
import zlib


def read(path):
    """Returns (width, height, channels, rows), rows as bytearrays of unfiltered pixels (8-bit RGB or RGBA)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise SystemExit(f"{path}: only 8-bit RGB or RGBA is read here")
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def write(path, width, channels, rows):
    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2 if channels == 3 else 6, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def stats(path):
    width, height, channels, rows = read(path)
    colours, inked = set(), 0
    for r in rows[::4]:
        for x in range(0, width * channels, channels * 4):
            px = bytes(r[x : x + 3])
            colours.add(px)
            if px != b"\xff\xff\xff":
                inked += 1
    sampled = len(rows[::4]) * len(range(0, width * channels, channels * 4))
    print(f"{width} {height} {len(colours)} {inked / sampled:.4f}")


if __name__ == "__main__":
    if sys.argv[1] == "stats":
        stats(sys.argv[2])
    elif sys.argv[1] == "crop":
        width, height, channels, rows = read(sys.argv[2])
        write(sys.argv[3], width, channels, rows[int(sys.argv[4]) : int(sys.argv[5])])
