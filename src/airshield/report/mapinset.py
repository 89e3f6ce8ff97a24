"""The theatre inset of the report map: Ukraine, its neighbours, the launch areas and the main map's view."""

from __future__ import annotations

import numpy as np

from airshield.geo.projection import LocalProjection
from airshield.report.mapframe import Frame, fit, local, path
from airshield.report.palette import LAYER

INSET_WIDTH = 190  # [px]
MAX_VERTICES = 60  # per ring in the inset


def _thin(ring: np.ndarray) -> np.ndarray:
    step = max(1, int(np.ceil(len(ring) / MAX_VERTICES)))
    return ring[::step]


def inset(view: Frame, proj: LocalProjection, land: list[np.ndarray], neighbours: list[np.ndarray],
          launch_areas: list[dict], x: float, y: float) -> tuple[str, float]:
    """The inset as a nested ``<svg>`` at pixel (x, y) of the map (it clips what overflows) and its height [px]."""
    rings = [local(proj, r[:, 0], r[:, 1]) for r in land]
    xs = [x for x, _ in rings] + [local(proj, a["lon"], a["lat"])[0] for a in launch_areas]
    ys = [y for _, y in rings] + [local(proj, a["lon"], a["lat"])[1] for a in launch_areas]
    corners = np.array([view.metres(0, 0), view.metres(view.width, view.height)])
    frame = fit(np.concatenate(xs + [corners[:, 0]]), np.concatenate(ys + [corners[:, 1]]), INSET_WIDTH, pad=0.04,
                aspect=(0.55, 1.0))
    out = [f'<svg class="inset" x="{x:.0f}" y="{y:.0f}" width="{frame.width:.0f}" height="{frame.height:.0f}" '
           f'viewBox="0 0 {frame.width:.0f} {frame.height:.0f}"><rect width="100%" height="100%" fill="{LAYER["sea"]}"/>']
    for ring in neighbours:
        px, py = frame.xy(*local(proj, *_thin(ring).T))
        out.append(f'<path d="{path(px, py, True)}" fill="{LAYER["neighbour"]}" stroke="#bdbdbd" stroke-width="0.4"/>')
    for ring in land:
        px, py = frame.xy(*local(proj, *_thin(ring).T))
        out.append(f'<path d="{path(px, py, True)}" fill="{LAYER["land"]}" stroke="#bdbdbd" stroke-width="0.3"/>')
    for a in launch_areas:
        px, py = frame.xy(*local(proj, a["lon"], a["lat"]))
        out.append(f'<circle cx="{px[0]:.1f}" cy="{py[0]:.1f}" r="2.5" fill="{LAYER["launch_area"]}"/>')
    (vx0, vx1), (vy1, vy0) = frame.xy(corners[:, 0], corners[:, 1])
    out.append(f'<rect x="{vx0:.1f}" y="{vy1:.1f}" width="{max(vx1 - vx0, 2):.1f}" height="{max(vy0 - vy1, 2):.1f}" '
               f'fill="none" stroke="{LAYER["asset"]}" stroke-width="1.5"/>')
    out.append(f'<rect width="{frame.width:.0f}" height="{frame.height:.0f}" fill="none" stroke="#616161"/></svg>')
    return "".join(out), frame.height
