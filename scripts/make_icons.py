"""Draw the Teams app icons: `manifest/color.png` (192x192) and `manifest/outline.png` (32x32).

The design is two overlapping speech bubbles: the conversation between employee and manager.
Pure Python (zlib + struct, no Pillow), anti-aliased by supersampling, and deterministic: running it
again writes the same bytes. The PNGs are committed; run this only to change the design:

    .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import math
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

MANIFEST = Path(__file__).resolve().parent.parent / "manifest"

ACCENT = (0x5B, 0x5F, 0xC7)  # the manifest's accentColor, Teams' own purple
LAVENDER = (0xC5, 0xC7, 0xF4)
WHITE = (0xFF, 0xFF, 0xFF)

Point = tuple[float, float]
Shape = Callable[[float, float], bool]

# The symbol, in a unit box (x right, y down).
BACK_BOX = (0.00, 0.00, 0.66, 0.52)  # left, top, right, bottom
BACK_TAIL = ((0.10, 0.46), (0.30, 0.46), (0.06, 0.70))
FRONT_BOX = (0.30, 0.34, 1.00, 0.84)
FRONT_TAIL = ((0.70, 0.78), (0.90, 0.78), (0.95, 1.00))
RADIUS = 0.15
GAP = 0.055  # the background shows between the bubbles where they overlap
DOTS = [(0.48, 0.59), (0.65, 0.59), (0.82, 0.59)]
DOT_RADIUS = 0.052


def in_rounded_box(box: tuple[float, float, float, float], radius: float, grow: float = 0.0) -> Shape:
    left, top, right, bottom = box[0] - grow, box[1] - grow, box[2] + grow, box[3] + grow
    r = radius + grow

    def inside(x: float, y: float) -> bool:
        if not (left <= x <= right and top <= y <= bottom):
            return False
        cx = min(max(x, left + r), right - r)
        cy = min(max(y, top + r), bottom - r)
        return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

    return inside


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def in_triangle(corners: tuple[Point, Point, Point], grow: float = 0.0) -> Shape:
    a, b, c = corners

    def side(p: Point, q: Point, r: Point) -> float:
        return (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1])

    def inside(x: float, y: float) -> bool:
        p = (x, y)
        d1, d2, d3 = side(p, a, b), side(p, b, c), side(p, c, a)
        if not ((d1 < 0 or d2 < 0 or d3 < 0) and (d1 > 0 or d2 > 0 or d3 > 0)):
            return True
        return grow > 0 and min(_segment_distance(p, u, v) for u, v in ((a, b), (b, c), (c, a))) <= grow

    return inside


def in_circle(centre: Point, radius: float) -> Shape:
    cx, cy = centre
    return lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= radius * radius


def union(*shapes: Shape) -> Shape:
    return lambda x, y: any(s(x, y) for s in shapes)


BACK = union(in_rounded_box(BACK_BOX, RADIUS), in_triangle(BACK_TAIL))
FRONT = union(in_rounded_box(FRONT_BOX, RADIUS), in_triangle(FRONT_TAIL))
FRONT_WITH_GAP = union(in_rounded_box(FRONT_BOX, RADIUS, GAP), in_triangle(FRONT_TAIL, GAP))
DOT = union(*(in_circle(d, DOT_RADIUS) for d in DOTS))


def colour_at(x: float, y: float) -> tuple[int, int, int]:
    """The colour icon at a point of the unit box: purple background, lavender back bubble, white
    front bubble with purple dots."""
    if FRONT(x, y):
        return ACCENT if DOT(x, y) else WHITE
    if BACK(x, y) and not FRONT_WITH_GAP(x, y):
        return LAVENDER
    return ACCENT


def outline_at(x: float, y: float) -> bool:
    """The outline icon at a point: the same bubbles as a white silhouette; the gap and dots are holes."""
    if FRONT(x, y):
        return not DOT(x, y)
    return BACK(x, y) and not FRONT_WITH_GAP(x, y)


def render(size: int, margin: float, samples: int, paint: Callable[[float, float], object]) -> list[list]:
    """For every pixel, the list of what `paint` returns at samples x samples points; the symbol's
    unit box is placed `margin` pixels from each edge."""
    scale = size - 2 * margin
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            hits = []
            for sy in range(samples):
                y = (py + (sy + 0.5) / samples - margin) / scale
                for sx in range(samples):
                    x = (px + (sx + 0.5) / samples - margin) / scale
                    hits.append(paint(x, y))
            row.append(hits)
        rows.append(row)
    return rows


def colour_icon(size: int = 192) -> list[list[tuple[int, int, int, int]]]:
    # Teams shows the symbol inside a 120x120 safe area of the 192x192 icon.
    margin = (size - size * 120 / 192) / 2
    pixels = render(size, margin, 4, colour_at)
    return [[(*_average(hits), 255) for hits in row] for row in pixels]


def outline_icon(size: int = 32) -> list[list[tuple[int, int, int, int]]]:
    pixels = render(size, size / 16, 8, outline_at)
    return [[(*WHITE, round(255 * sum(hits) / len(hits))) for hits in row] for row in pixels]


def _average(colours: list[tuple[int, int, int]]) -> tuple[int, int, int]:
    n = len(colours)
    return tuple(round(sum(c[i] for c in colours) / n) for i in range(3))  # type: ignore[return-value]


def png(pixels: list[list[tuple[int, int, int, int]]]) -> bytes:
    """An 8-bit RGBA, non-interlaced PNG."""
    height, width = len(pixels), len(pixels[0])
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def main() -> None:
    MANIFEST.mkdir(exist_ok=True)
    (MANIFEST / "color.png").write_bytes(png(colour_icon()))
    (MANIFEST / "outline.png").write_bytes(png(outline_icon()))
    print(f"wrote {MANIFEST / 'color.png'} and {MANIFEST / 'outline.png'}")


if __name__ == "__main__":
    main()
