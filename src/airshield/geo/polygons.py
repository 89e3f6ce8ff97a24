"""Plane polygon geometry on numpy arrays: point-in-polygon, area and centroid."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_MAX_CELLS = 4_000_000
"""Largest points x edges block evaluated at once, to bound memory [-]."""


def ring_edges(rings: Sequence[np.ndarray]) -> np.ndarray:
    """All edges of ``rings`` (each (n, 2) x/y, closed or not) as an (E, 4) array x1, y1, x2, y2."""
    parts = [np.hstack([r, np.roll(r, -1, axis=0)]) for r in rings if len(r) >= 3]
    return np.vstack(parts) if parts else np.empty((0, 4))


def points_in_edges(x: np.ndarray, y: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Even-odd ray casting: True where point (x, y) is inside the rings whose ``edges`` are given.

    Holes are honoured because every ring's edges are counted together.
    """
    inside = np.zeros(x.shape, dtype=bool)
    if len(edges) == 0 or x.size == 0:
        return inside
    x1, y1, x2, y2 = (edges[:, i] for i in range(4))
    dy = np.where(y2 == y1, np.inf, y2 - y1)
    block = max(1, _MAX_CELLS // len(edges))
    for start in range(0, x.size, block):
        px = x[start:start + block, None]
        py = y[start:start + block, None]
        spans = (y1 > py) != (y2 > py)
        x_cross = x1 + (py - y1) * (x2 - x1) / dy
        crossings = np.count_nonzero(spans & (px < x_cross), axis=1)
        inside[start:start + block] = crossings % 2 == 1
    return inside


def ring_area_centroid(xy: np.ndarray) -> tuple[float, float, float]:
    """Unsigned area [unit^2] and centroid (cx, cy) of one simple ring given as (n, 2) x/y."""
    x, y = xy[:, 0], xy[:, 1]
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    cross = x * yn - xn * y
    a2 = cross.sum()
    if a2 == 0.0:
        return 0.0, float(x.mean()), float(y.mean())
    cx = ((x + xn) * cross).sum() / (3.0 * a2)
    cy = ((y + yn) * cross).sum() / (3.0 * a2)
    return abs(a2) / 2.0, float(cx), float(cy)


def polygon_centroid(outers: Sequence[np.ndarray], holes: Sequence[np.ndarray]) -> tuple[float, float]:
    """Area-weighted centroid (cx, cy) of outer rings minus holes, all (n, 2) plane x/y."""
    parts = [(ring_area_centroid(r), 1.0) for r in outers] + [(ring_area_centroid(r), -1.0) for r in holes]
    w = np.array([sign * a for (a, _, _), sign in parts])
    cx = np.array([c for (_, c, _), _ in parts])
    cy = np.array([c for (_, _, c), _ in parts])
    return float((w * cx).sum() / w.sum()), float((w * cy).sum() / w.sum())
