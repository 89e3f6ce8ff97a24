"""What makes the report map readable on paper: scale bar, north arrow and legend."""

from __future__ import annotations

import math
from html import escape

from airshield.geo.projection import LocalProjection
from airshield.report.mapframe import Frame
from airshield.report.palette import LAYER

LEGEND_ROW = 18  # [px]


def nice_length(metres: float) -> float:
    """The largest 1, 2 or 5 x 10^k metres not above ``metres``."""
    power = 10 ** math.floor(math.log10(max(metres, 1.0)))
    return max(s * power for s in (1, 2, 5) if s * power <= metres)


def scale_bar(frame: Frame, x: float, y: float) -> tuple[str, tuple[float, float, float, float]]:
    """A four-segment scale bar whose left end is at pixel (x, y), about a fifth of the map wide; and its box."""
    length = nice_length(frame.width / frame.scale / 5)
    seg = length * frame.scale / 4
    parts = [f'<g class="scale-bar" font-size="10"><rect x="{x - 4:.1f}" y="{y - 14:.1f}" '
             f'width="{4 * seg + 40:.1f}" height="26" fill="white" fill-opacity="0.85"/>']
    for i in range(4):
        parts.append(f'<rect x="{x + i * seg:.1f}" y="{y:.1f}" width="{seg:.1f}" height="5" '
                     f'fill="{"#212121" if i % 2 == 0 else "#ffffff"}" stroke="#212121" stroke-width="0.6"/>')
    for i, frac in ((0, 0.0), (2, 0.5), (4, 1.0)):
        parts.append(f'<text x="{x + i * seg:.1f}" y="{y - 3:.1f}" text-anchor="middle">{_km(length * frac)}</text>')
    parts.append(f'<text x="{x + 4 * seg + 8:.1f}" y="{y + 6:.1f}">km</text></g>')
    return "".join(parts), (x - 4, y - 14, x + 4 * seg + 36, y + 12)


def _km(metres: float) -> str:
    km = metres / 1000
    return f"{km:g}" if km >= 1 or km == 0 else f"{km:.1f}"


def north_arrow(frame: Frame, proj: LocalProjection, x: float, y: float) -> tuple[str, tuple]:
    """An arrow pointing to true north at the map's centre (the projection turns it off-centre)."""
    cx, cy = frame.metres(frame.width / 2, frame.height / 2)
    lat, lon = proj.to_latlon(cx, cy)
    nx, ny = proj.to_xy(float(lat) + 0.2, float(lon))
    angle = math.degrees(math.atan2(float(nx) - cx, float(ny) - cy))
    svg = (f'<g class="north-arrow" transform="translate({x:.1f} {y:.1f}) rotate({angle:.1f})">'
           '<circle r="17" fill="white" fill-opacity="0.85" stroke="#9e9e9e"/>'
           '<path d="M0 -13 L6 7 L0 3 L-6 7 Z" fill="#212121"/>'
           '<text y="-1" dy="14" font-size="9" text-anchor="middle" font-weight="bold" fill="#212121"'
           ' transform="translate(0 -28)">N</text></g>')
    return svg, (x - 18, y - 46, x + 18, y + 18)


def legend(rows: list[tuple[str, str]], width: float, top: float) -> str:
    """A strip below the map: (symbol kind, text) in columns of equal width."""
    columns = 4
    cell = width / columns
    parts = [f'<g class="legend" font-size="11"><rect x="0" y="{top:.0f}" width="{width:.0f}" '
             f'height="{LEGEND_ROW * math.ceil(len(rows) / columns) + 8}" fill="#ffffff"/>']
    for i, (kind, text) in enumerate(rows):
        x, y = 8 + cell * (i % columns), top + 6 + LEGEND_ROW * (i // columns)
        parts.append(f'<g transform="translate({x:.0f} {y:.0f})">{SYMBOLS[kind]}'
                     f'<text x="20" y="11">{escape(text)}</text></g>')
    parts.append("</g>")
    return "".join(parts)


def legend_height(count: int) -> float:
    """Pixels the legend strip of ``count`` rows needs."""
    return LEGEND_ROW * math.ceil(count / 4) + 12


def _line(colour: str, dash: str = "") -> str:
    return f'<path d="M1 7 h14" stroke="{colour}" stroke-width="2"{f" stroke-dasharray={dash!r}" if dash else ""}/>'


SYMBOLS = {
    "asset": f'<circle cx="7" cy="7" r="5" fill="{LAYER["asset"]}" fill-opacity="0.6" stroke="#7f0000"/>',
    "fire_unit": f'<rect x="2" y="2" width="9" height="9" fill="{LAYER["fire_unit"]}" stroke="white"/>'
                 f'<circle cx="7" cy="7" r="6.5" fill="none" stroke="{LAYER["fire_unit"]}" stroke-width="0.8"/>',
    "sensor": f'<path d="M7 1 l5 10 h-10 Z" fill="{LAYER["sensor"]}"/>',
    "ew_zone": f'<circle cx="7" cy="7" r="6" fill="{LAYER["ew_zone"]}" fill-opacity="0.15" stroke="{LAYER["ew_zone"]}"'
               ' stroke-dasharray="3 2"/>',
    "launch_area": f'<circle cx="7" cy="7" r="6" fill="{LAYER["launch_area"]}" fill-opacity="0.2" '
                   f'stroke="{LAYER["launch_area"]}"/>',
    "city": '<circle cx="7" cy="7" r="2.5" fill="#212121"/>',
    "kill": _line(LAYER["kill"]), "impact_track": _line(LAYER["impact"]), "ew_loss": _line(LAYER["ew_loss"]),
    "failure": _line(LAYER["failure"]), "airborne": _line(LAYER["airborne"]),
    "impact": f'<path d="M3 3 l8 8 m0 -8 l-8 8" stroke="{LAYER["impact"]}" stroke-width="2"/>',
    "coverage": f'<circle cx="7" cy="7" r="6" fill="{LAYER["sensor"]}" fill-opacity="0.08" stroke="{LAYER["sensor"]}"/>',
}
