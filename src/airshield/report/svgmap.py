"""An inline SVG map of a scenario and one replication, drawn from the shipped oblast boundaries.

No tiles, no network: the oblast rings are projected into the scenario's local projection.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import numpy as np

from airshield.geo import oblasts
from airshield.geo.projection import LocalProjection
from airshield.report.scene import Scene
from airshield.report.tracks import Tracks

WIDTH = 960
FATE_COLOURS = {"kill": "#2e7d32", "impact": "#c62828", "ew_loss": "#8e24aa", "failure": "#757575",
                "returned": "#1565c0", "airborne": "#ef6c00"}


@dataclass(frozen=True)
class Frame:
    """Maps local metres to SVG pixels (y down)."""

    x0: float
    y1: float
    scale: float
    height: float

    def xy(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        return (np.asarray(x) - self.x0) * self.scale, (self.y1 - np.asarray(y)) * self.scale


def _fit(xs: np.ndarray, ys: np.ndarray) -> Frame:
    pad = 0.03 * max(np.ptp(xs), np.ptp(ys), 1.0)
    x0, x1, y0, y1 = xs.min() - pad, xs.max() + pad, ys.min() - pad, ys.max() + pad
    scale = WIDTH / (x1 - x0)
    return Frame(x0, y1, scale, (y1 - y0) * scale)


def _local(proj: LocalProjection, lon, lat) -> tuple[np.ndarray, np.ndarray]:
    x, y = proj.to_xy(np.atleast_1d(lat), np.atleast_1d(lon))
    return np.atleast_1d(x), np.atleast_1d(y)


def _path(px: np.ndarray, py: np.ndarray, close: bool) -> str:
    pts = " L".join(f"{a:.1f} {b:.1f}" for a, b in zip(px, py))
    return f"M{pts}{' Z' if close else ''}"


def render_map(scene: Scene, tracks: Tracks | None, proj: LocalProjection) -> str:
    """The ``<svg>`` element (no external references)."""
    rings = [(ring, name) for name, rs in zip(*[oblasts()[c] for c in ("name", "rings")]) for ring in rs]
    ring_xy = [(_local(proj, r[:, 0], r[:, 1]), n) for r, n in rings]
    items = [scene.assets, scene.sensors, scene.units, scene.ew_zones, scene.launch_areas]
    lon = [p["lon"] for layer in items for p in layer]
    lat = [p["lat"] for layer in items for p in layer]
    if tracks is not None and len(tracks.points):
        lon += tracks.points["lon"].tolist()
        lat += tracks.points["lat"].tolist()
    px, py = _local(proj, np.array(lon), np.array(lat))
    allx = np.concatenate([px] + [xy[0] for xy, _ in ring_xy])
    ally = np.concatenate([py] + [xy[1] for xy, _ in ring_xy])
    frame = _fit(allx, ally)
    out = [f'<svg viewBox="0 0 {WIDTH} {frame.height:.0f}" width="100%" role="img" '
           f'aria-label="Map of the scenario {escape(scene.name)}" class="map">',
           '<rect width="100%" height="100%" fill="#dfe9f3"/>']
    for (x, y), name in ring_xy:
        sx, sy = frame.xy(x, y)
        out.append(f'<path d="{_path(sx, sy, True)}" fill="#f4f1ea" stroke="#9e9e9e" stroke-width="0.7">'
                   f'<title>{escape(name)}</title></path>')
    out += _scene_layers(scene, proj, frame)
    if tracks is not None:
        out += _track_layers(tracks, proj, frame)
    out.append(_legend(frame))
    out.append("</svg>")
    return "\n".join(out)


def _circle(frame: Frame, proj: LocalProjection, p: dict, radius_m: float, style: str, title: str) -> str:
    x, y = frame.xy(*_local(proj, p["lon"], p["lat"]))
    return (f'<circle cx="{x[0]:.1f}" cy="{y[0]:.1f}" r="{max(radius_m * frame.scale, 0.5):.1f}" {style}>'
            f'<title>{escape(title)}</title></circle>')


def _scene_layers(scene: Scene, proj: LocalProjection, frame: Frame) -> list[str]:
    out = ['<g class="launch-areas">']
    for a in scene.launch_areas:
        out.append(_circle(frame, proj, a, a["spread_m"], 'fill="#424242" fill-opacity="0.15" stroke="#424242"',
                           f"launch area {a['name']}: {', '.join(a['waves'])}"))
        x, y = frame.xy(*_local(proj, a["lon"], a["lat"]))
        out.append(f'<text x="{x[0]:.1f}" y="{y[0]:.1f}" font-size="11" text-anchor="middle">{escape(a["name"])}</text>')
    out.append('</g><g class="coverage">')
    for s in scene.sensors:
        out.append(_circle(frame, proj, s, s["coverage_m"], 'fill="#1e88e5" fill-opacity="0.06" stroke="#1e88e5" '
                           'stroke-opacity="0.5" stroke-width="0.6"',
                           f"{s['name']} ({s['type']}): {s['coverage_m'] / 1000:.0f} km at {scene.coverage_altitude_m:.0f} m"))
    for u in scene.units:
        out.append(_circle(frame, proj, u, u["envelope_m"], 'fill="none" stroke="#2e7d32" stroke-width="0.8"',
                           f"{u['name']} envelope {u['envelope_m'] / 1000:.0f} km"))
    for z in scene.ew_zones:
        out.append(_circle(frame, proj, z, z["radius_m"], 'fill="#8e24aa" fill-opacity="0.12" stroke="#8e24aa" '
                           'stroke-dasharray="4 3"', f"EW zone {z['name']}"))
    out.append('</g><g class="assets">')
    top = max([a["value"] for a in scene.assets] + [1e-9])
    for a in scene.assets:
        x, y = frame.xy(*_local(proj, a["lon"], a["lat"]))
        r = 3 + 12 * np.sqrt(a["value"] / top)
        out.append(f'<circle cx="{x[0]:.1f}" cy="{y[0]:.1f}" r="{r:.1f}" fill="#d32f2f" fill-opacity="0.55" '
                   f'stroke="#7f0000"><title>{escape(a["name"])}: value {a["value"]:g}</title></circle>')
    out.append('</g><g class="units">')
    for u in scene.units:
        x, y = frame.xy(*_local(proj, u["lon"], u["lat"]))
        out.append(f'<rect x="{x[0] - 3:.1f}" y="{y[0] - 3:.1f}" width="6" height="6" fill="#2e7d32">'
                   f'<title>{escape(u["name"])} ({escape(u["type"])})</title></rect>')
    for s in scene.sensors:
        x, y = frame.xy(*_local(proj, s["lon"], s["lat"]))
        out.append(f'<path d="M{x[0]:.1f} {y[0] - 4:.1f} l3.5 6 h-7 Z" fill="#1565c0">'
                   f'<title>{escape(s["name"])} ({escape(s["type"])})</title></path>')
    out.append("</g>")
    return out


def _track_layers(tracks: Tracks, proj: LocalProjection, frame: Frame) -> list[str]:
    out = ['<g class="tracks" fill="none" stroke-width="0.8" stroke-opacity="0.6">']
    fate = tracks.threats.set_index("threat")["fate"]
    x, y = frame.xy(*_local(proj, tracks.points["lon"].to_numpy(), tracks.points["lat"].to_numpy()))
    threat = tracks.points["threat"].to_numpy()
    bounds = np.flatnonzero(np.diff(threat)) + 1
    for sx, sy, t in zip(np.split(x, bounds), np.split(y, bounds), threat[np.r_[0, bounds]] if len(threat) else []):
        if len(sx) >= 2:
            out.append(f'<path d="{_path(sx, sy, False)}" stroke="{FATE_COLOURS[fate[t]]}"/>')
    out.append('</g><g class="events">')
    ends = tracks.marks[tracks.marks["kind"].isin(("impact", "ew_loss", "kill"))]
    ex, ey = frame.xy(*_local(proj, ends["lon"].to_numpy(), ends["lat"].to_numpy()))
    for kind, a, b, t in zip(ends["kind"], ex, ey, ends["threat_type"]):
        if kind == "impact":
            out.append(f'<path d="M{a - 4:.1f} {b - 4:.1f} l8 8 m0 -8 l-8 8" stroke="#b71c1c" stroke-width="2">'
                       f'<title>impact ({escape(t)})</title></path>')
        else:
            out.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="1.8" fill="{FATE_COLOURS[kind]}"/>')
    out.append("</g>")
    return out


def _legend(frame: Frame) -> str:
    rows = [("#d32f2f", "defended asset (size: value)"), ("#2e7d32", "fire unit and envelope"),
            ("#1565c0", "sensor and coverage"), ("#8e24aa", "EW zone / EW loss"), ("#424242", "launch area"),
            ("#2e7d32", "track ending in a kill"), ("#c62828", "track ending in an impact (x)"),
            ("#1565c0", "carrier back at its base"), ("#ef6c00", "airborne at the end")]
    y0 = frame.height - 14 * len(rows) - 12
    parts = [f'<g class="legend" font-size="11"><rect x="6" y="{y0 - 6:.0f}" width="230" height="{14 * len(rows) + 10}" '
             'fill="white" fill-opacity="0.85" stroke="#bdbdbd"/>']
    for i, (colour, text) in enumerate(rows):
        y = y0 + 14 * i
        parts.append(f'<rect x="12" y="{y:.0f}" width="10" height="10" fill="{colour}"/>'
                     f'<text x="28" y="{y + 9:.0f}">{escape(text)}</text>')
    parts.append("</g>")
    return "".join(parts)
