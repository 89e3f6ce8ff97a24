"""The report map's frame: which part of the theatre is drawn, and local metres -> SVG pixels (y down)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.geo.projection import LocalProjection


@dataclass(frozen=True)
class Frame:
    """A view of ``width`` x ``height`` [px] whose top-left corner is local (``x0``, ``y1``) [m]; ``scale`` [px/m]."""

    x0: float
    y1: float
    scale: float
    width: float
    height: float

    def xy(self, x, y) -> tuple[np.ndarray, np.ndarray]:
        """Pixels of local metres (arrays)."""
        return (np.asarray(x, dtype=float) - self.x0) * self.scale, (self.y1 - np.asarray(y, dtype=float)) * self.scale

    def metres(self, px: float, py: float) -> tuple[float, float]:
        """Local metres of a pixel."""
        return self.x0 + px / self.scale, self.y1 - py / self.scale

    def sees(self, xs: np.ndarray, ys: np.ndarray) -> bool:
        """True when the bounding box of the points meets the view."""
        px, py = self.xy(xs, ys)
        return bool(px.max() >= 0 and px.min() <= self.width and py.max() >= 0 and py.min() <= self.height)


def fit(xs: np.ndarray, ys: np.ndarray, width: float, *, pad: float = 0.08, min_span: float = 40e3,
        aspect: tuple[float, float] = (0.62, 0.85)) -> Frame:
    """A frame around the points [m], padded by ``pad`` of the span (at least ``min_span`` [m] wide), with
    height/width kept within ``aspect`` by widening the short side."""
    x0, x1, y0, y1 = float(np.min(xs)), float(np.max(xs)), float(np.min(ys)), float(np.max(ys))
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    w = max(x1 - x0, min_span) * (1 + 2 * pad)
    h = max(y1 - y0, min_span * aspect[0]) * (1 + 2 * pad)
    w, h = max(w, h / aspect[1]), max(h, w * aspect[0])
    scale = width / w
    return Frame(cx - w / 2, cy + h / 2, scale, float(width), h * scale)


def local(proj: LocalProjection, lon, lat) -> tuple[np.ndarray, np.ndarray]:
    """Local metres of lon/lat [deg] (arrays)."""
    x, y = proj.to_xy(np.atleast_1d(lat), np.atleast_1d(lon))
    return np.atleast_1d(x), np.atleast_1d(y)


def path(px: np.ndarray, py: np.ndarray, close: bool) -> str:
    """SVG path data through the pixels."""
    pts = " L".join(f"{a:.1f} {b:.1f}" for a, b in zip(px, py))
    return f"M{pts}{' Z' if close else ''}"
