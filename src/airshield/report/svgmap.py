"""An inline SVG map of a scenario and one replication, fit for a briefing.

Zoomed to the defended area (assets, fire units, sensors, EW zones) with a theatre inset; neighbouring
countries (Natural Earth) under the oblasts (geoBoundaries); labels for assets, cities, fire units and
launch areas placed without overlaps (launch areas off the map are pointed to at its edge); scale bar,
north arrow and a legend strip below the map. No tiles, no network.
"""

from __future__ import annotations

from html import escape

import numpy as np

from airshield.geo import cities, oblast_of, oblasts
from airshield.geo.neighbours import neighbours
from airshield.geo.polygons import points_in_edges, ring_edges
from airshield.geo.projection import LocalProjection
from airshield.report.mapdecor import legend, legend_height, north_arrow, scale_bar
from airshield.report.mapframe import Frame, fit, local, path
from airshield.report.mapinset import INSET_WIDTH, inset
from airshield.report.maplabels import Label, place
from airshield.report.palette import LAYER
from airshield.report.scene import Scene
from airshield.report.tracks import Tracks

WIDTH = 960
MAX_UNIT_LABELS = 40
MAX_CITY_LABELS = 25
STYLE = ("<style>.map text{font-family:system-ui,sans-serif;paint-order:stroke;stroke:#fff;stroke-width:3px;"
         "stroke-linejoin:round}.map .lab-asset{font-size:12px;font-weight:600;fill:#7f0000}"
         ".map .lab-city{font-size:11px;fill:#212121}.map .lab-unit{font-size:10px;fill:#283593}"
         ".map .lab-launch{font-size:11px;font-style:italic;fill:#212121}"
         ".map .lab-country{font-size:13px;letter-spacing:2px;fill:#8d8d8d;text-transform:uppercase}"
         ".map .legend text,.map .scale-bar text{stroke:none}</style>")
FATE_COLOURS = {k: LAYER[k] for k in ("kill", "impact", "ew_loss", "failure", "airborne")}


def render_map(scene: Scene, tracks: Tracks | None, proj: LocalProjection) -> str:
    """The ``<svg>`` element (no external references)."""
    frame = _view(scene, proj)
    land = [ring for rs in oblasts()["rings"] for ring in rs]
    foreign = [ring for c in neighbours() for ring in c.rings]
    rows = _legend_rows(scene, tracks)
    total = frame.height + legend_height(len(rows))
    out = [f'<svg viewBox="0 0 {WIDTH} {total:.0f}" width="100%" role="img" class="map" '
           f'aria-label="Map of the scenario {escape(scene.name)}">', STYLE,
           f'<defs><clipPath id="airshield-map-clip"><rect width="{WIDTH}" height="{frame.height:.1f}"/></clipPath></defs>',
           '<g clip-path="url(#airshield-map-clip)">',
           f'<rect width="{WIDTH}" height="{frame.height:.1f}" fill="{LAYER["sea"]}"/>']
    out += _base(frame, proj, foreign, land)
    out += _scene_layers(scene, proj, frame)
    if tracks is not None:
        out += _track_layers(tracks, proj, frame)
    x_inset = WIDTH - INSET_WIDTH - 8
    inset_svg, inset_h = inset(frame, proj, land, foreign, scene.launch_areas, x_inset, 8)
    bar, bar_box = scale_bar(frame, 16, frame.height - 16)
    arrow, arrow_box = north_arrow(frame, proj, 30, 56)
    obstacles = [(x_inset - 4, 0, WIDTH, inset_h + 12), bar_box, arrow_box]
    labels = _labels(scene, proj, frame)
    out += place(labels, WIDTH, frame.height, obstacles)
    out += [bar, arrow, inset_svg, "</g>",
            f'<rect width="{WIDTH}" height="{frame.height:.1f}" fill="none" stroke="#616161"/>',
            legend(rows, WIDTH, frame.height), "</svg>"]
    return "\n".join(out)


def _view(scene: Scene, proj: LocalProjection) -> Frame:
    """The defended area: assets, fire units, sensors and EW zones (launch areas if there is nothing else)."""
    points = [p for layer in (scene.assets, scene.units, scene.sensors, scene.ew_zones) for p in layer] or \
        scene.launch_areas or [{"lon": scene.centre[0], "lat": scene.centre[1]}]
    x, y = local(proj, [p["lon"] for p in points], [p["lat"] for p in points])
    return fit(x, y, WIDTH)


def _base(frame: Frame, proj: LocalProjection, foreign: list[np.ndarray], land: list[np.ndarray]) -> list[str]:
    out = []
    for rings, fill, stroke in ((foreign, LAYER["neighbour"], "#b0b0b0"), (land, LAYER["land"], LAYER["border"])):
        for ring in rings:
            x, y = local(proj, ring[:, 0], ring[:, 1])
            if frame.sees(x, y):
                px, py = frame.xy(x, y)
                out.append(f'<path d="{path(px, py, True)}" fill="{fill}" stroke="{stroke}" stroke-width="0.7"/>')
    return out


def _at(frame: Frame, proj: LocalProjection, p: dict) -> tuple[float, float]:
    x, y = frame.xy(*local(proj, p["lon"], p["lat"]))
    return float(x[0]), float(y[0])


def _circle(frame: Frame, proj: LocalProjection, p: dict, radius_m: float, style: str, title: str) -> str:
    x, y = _at(frame, proj, p)
    return (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{max(radius_m * frame.scale, 0.5):.1f}" {style}>'
            f'<title>{escape(title)}</title></circle>')


def _scene_layers(scene: Scene, proj: LocalProjection, frame: Frame) -> list[str]:
    out = ['<g class="launch-areas">']
    for a in scene.launch_areas:
        out.append(_circle(frame, proj, a, a["spread_m"], f'fill="{LAYER["launch_area"]}" fill-opacity="0.15" '
                           f'stroke="{LAYER["launch_area"]}"', f"launch area {a['name']}: {', '.join(a['waves'])}"))
    out.append('</g><g class="coverage">')
    for s in scene.sensors:
        shade = 0.05 if s["coverage_m"] * frame.scale < frame.width / 4 else 0.0  # no veil from wide radars
        out.append(_circle(frame, proj, s, s["coverage_m"], f'fill="{LAYER["sensor"]}" fill-opacity="{shade}" '
                           f'stroke="{LAYER["sensor"]}" stroke-opacity="0.45" stroke-width="0.6"',
                           f"{s['name']} ({s['type']}): {s['coverage_m'] / 1000:.0f} km at {scene.coverage_altitude_m:.0f} m"))
    for u in scene.units:
        out.append(_circle(frame, proj, u, u["envelope_m"], f'fill="none" stroke="{LAYER["fire_unit"]}" '
                           'stroke-width="0.8" stroke-opacity="0.7"', f"{u['name']} envelope {u['envelope_m'] / 1000:.0f} km"))
    for z in scene.ew_zones:
        out.append(_circle(frame, proj, z, z["radius_m"], f'fill="{LAYER["ew_zone"]}" fill-opacity="0.12" '
                           f'stroke="{LAYER["ew_zone"]}" stroke-dasharray="4 3"', f"EW zone {z['name']}"))
    out.append('</g><g class="assets">')
    top = max([a["value"] for a in scene.assets] + [1e-9])
    for a in scene.assets:
        x, y = _at(frame, proj, a)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{_asset_r(a, top):.1f}" fill="{LAYER["asset"]}" '
                   f'fill-opacity="0.55" stroke="#7f0000"><title>{escape(a["name"])}: value {a["value"]:g}</title></circle>')
    out.append('</g><g class="units">')
    for u in scene.units:
        x, y = _at(frame, proj, u)
        out.append(f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{LAYER["fire_unit"]}" '
                   f'stroke="white" stroke-width="0.8"><title>{escape(u["name"])} ({escape(u["type"])})</title></rect>')
    for s in scene.sensors:
        x, y = _at(frame, proj, s)
        out.append(f'<path d="M{x:.1f} {y - 4:.1f} l3.5 6 h-7 Z" fill="{LAYER["sensor"]}">'
                   f'<title>{escape(s["name"])} ({escape(s["type"])})</title></path>')
    out.append("</g>")
    return out


def _asset_r(asset: dict, top: float) -> float:
    return 3 + 12 * float(np.sqrt(asset["value"] / top))


def _labels(scene: Scene, proj: LocalProjection, frame: Frame) -> list[Label]:
    """Candidates: assets (by value), launch areas (at the map's edge when off it), cities (by population),
    fire units (largest envelope first) and neighbouring countries."""
    labels = []
    top = max([a["value"] for a in scene.assets] + [1e-9])
    for a in scene.assets:
        labels.append(Label(*_at(frame, proj, a), a["name"], 1 - a["value"] / top, "lab-asset", 12, _asset_r(a, top)))
    labels += _launch_labels(scene, proj, frame)
    labels += _city_labels(scene, proj, frame)
    units = sorted(scene.units, key=lambda u: -u["envelope_m"])[:MAX_UNIT_LABELS]
    labels += [Label(*_at(frame, proj, u), u["name"], 4 + i / 1000, "lab-unit", 10, 5) for i, u in enumerate(units)]
    return labels + _country_labels(proj, frame)


def _country_labels(proj: LocalProjection, frame: Frame) -> list[Label]:
    """Each neighbouring country on the map named at the point of a coarse grid inside it that is nearest to
    its own label point."""
    gx, gy = np.meshgrid(np.linspace(40, frame.width - 40, 16), np.linspace(30, frame.height - 30, 12))
    mx, my = frame.metres(gx.ravel(), gy.ravel())
    lat, lon = proj.to_latlon(mx, my)
    abroad = oblast_of(lat, lon) == ""  # the oblasts are drawn over the neighbours' polygons
    out = []
    for country in neighbours():
        inside = abroad & points_in_edges(lon, lat, ring_edges([r[:-1] for r in country.rings]))
        if inside.any():
            d = np.hypot(lon[inside] - country.label_lon, lat[inside] - country.label_lat)
            k = np.flatnonzero(inside)[np.argmin(d)]
            out.append(Label(float(gx.ravel()[k]), float(gy.ravel()[k]), country.name, 5, "lab-country", 13, 0))
    return out


def _city_labels(scene: Scene, proj: LocalProjection, frame: Frame) -> list[Label]:
    table = cities().sort_values("population", ascending=False)
    x, y = frame.xy(*local(proj, table["lon"].to_numpy(), table["lat"].to_numpy()))
    named = {a["name"].lower() for a in scene.assets}
    out = []
    for name, px, py in zip(table["name"], x, y):
        if 0 < px < frame.width and 0 < py < frame.height and name.lower() not in named:
            out.append(Label(float(px), float(py), name, 3 + len(out) / 1000, "lab-city", 11, 3))
        if len(out) >= MAX_CITY_LABELS:
            break
    return out


def _launch_labels(scene: Scene, proj: LocalProjection, frame: Frame) -> list[Label]:
    """Launch areas on the map are labelled where they are; those off it at the edge, towards them."""
    out = []
    cx, cy = frame.width / 2, frame.height / 2
    for a in scene.launch_areas:
        x, y = _at(frame, proj, a)
        if 0 < x < frame.width and 0 < y < frame.height:
            out.append(Label(x, y, f"launch: {a['name']}", 2, "lab-launch", 11, 6))
            continue
        k = min((cx - 14) / abs(x - cx) if x != cx else 1e9, (cy - 14) / abs(y - cy) if y != cy else 1e9)
        ex, ey = cx + (x - cx) * k, cy + (y - cy) * k
        km = np.hypot(x - ex, y - ey) / frame.scale / 1000
        out.append(Label(ex, ey, f"{a['name']} ({km:.0f} km) {_arrow(x - cx, cy - y)}", 2, "lab-launch", 11, 2))
    return out


def _arrow(dx: float, dy: float) -> str:
    """The arrow character of the eight compass directions nearest to (dx east, dy north)."""
    return "\u2192\u2197\u2191\u2196\u2190\u2199\u2193\u2198"[round(np.degrees(np.arctan2(dy, dx)) / 45) % 8]


def _track_layers(tracks: Tracks, proj: LocalProjection, frame: Frame) -> list[str]:
    out = ['<g class="tracks" fill="none" stroke-width="0.8" stroke-opacity="0.6">']
    fate = tracks.threats.set_index("threat")["fate"]
    x, y = frame.xy(*local(proj, tracks.points["lon"].to_numpy(), tracks.points["lat"].to_numpy()))
    threat = tracks.points["threat"].to_numpy()
    bounds = np.flatnonzero(np.diff(threat)) + 1
    for sx, sy, t in zip(np.split(x, bounds), np.split(y, bounds), threat[np.r_[0, bounds]] if len(threat) else []):
        if len(sx) >= 2:
            out.append(f'<path d="{path(sx, sy, False)}" stroke="{FATE_COLOURS[fate[t]]}"/>')
    out.append('</g><g class="events">')
    ends = tracks.marks[tracks.marks["kind"].isin(("impact", "ew_loss", "kill"))]
    ex, ey = frame.xy(*local(proj, ends["lon"].to_numpy(), ends["lat"].to_numpy()))
    for kind, a, b, t in zip(ends["kind"], ex, ey, ends["threat_type"]):
        if kind == "impact":
            out.append(f'<path d="M{a - 4:.1f} {b - 4:.1f} l8 8 m0 -8 l-8 8" stroke="{LAYER["impact"]}" stroke-width="2">'
                       f'<title>impact ({escape(t)})</title></path>')
        else:
            out.append(f'<circle cx="{a:.1f}" cy="{b:.1f}" r="1.8" fill="{FATE_COLOURS[kind]}"/>')
    out.append("</g>")
    return out


def _legend_rows(scene: Scene, tracks: Tracks | None) -> list[tuple[str, str]]:
    rows = [("asset", "defended asset (size: value)"), ("fire_unit", "fire unit and its envelope"),
            ("sensor", "sensor"), ("coverage", f"sensor coverage at {scene.coverage_altitude_m:.0f} m"),
            ("ew_zone", "EW zone"), ("launch_area", "launch area"), ("city", "city")]
    if tracks is not None:
        rows += [("kill", "track ending in a kill"), ("impact_track", "track ending in an impact"),
                 ("impact", "impact"), ("ew_loss", "track ending in an EW loss"), ("failure", "track ending in a failure"),
                 ("airborne", "airborne at the end")]
    return rows
