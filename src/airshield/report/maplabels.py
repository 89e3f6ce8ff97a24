"""Labels on the report map placed without overlaps: greedy by priority, four positions around each point.

A label is dropped when every position overlaps a label already placed, an obstacle (the inset, the
scale bar) or the edge of the map. Widths are estimated from the font size (0.58 em per character).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 [px]


@dataclass(frozen=True)
class Label:
    """Text at pixel (``x``, ``y``) beside a marker of radius ``r`` [px]; lower ``priority`` is placed first."""

    x: float
    y: float
    text: str
    priority: float
    css: str
    size: float = 11.0
    r: float = 4.0


def _box(label: Label, where: str) -> tuple[Box, float, float, str]:
    w, h = 0.58 * label.size * len(label.text) + 2, label.size + 2
    gap = label.r + 2
    if where == "right":
        x, y, anchor = label.x + gap, label.y + h / 3, "start"
    elif where == "left":
        x, y, anchor = label.x - gap, label.y + h / 3, "end"
    elif where == "above":
        x, y, anchor = label.x, label.y - gap - 1, "middle"
    else:
        x, y, anchor = label.x, label.y + gap + h - 2, "middle"
    x0 = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
    return (x0, y - h + 2, x0 + w, y + 2), x, y, anchor


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place(labels: list[Label], width: float, height: float, obstacles: list[Box] = ()) -> list[str]:
    """SVG ``<text>`` elements of the labels that fit, highest priority first."""
    taken, out = list(obstacles), []
    for label in sorted(labels, key=lambda lab: lab.priority):
        for where in ("right", "left", "above", "below"):
            box, x, y, anchor = _box(label, where)
            inside = box[0] >= 2 and box[1] >= 2 and box[2] <= width - 2 and box[3] <= height - 2
            if inside and not any(_overlaps(box, t) for t in taken):
                taken.append(box)
                out.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="{label.css}">'
                           f'{escape(label.text)}</text>')
                break
    return out
