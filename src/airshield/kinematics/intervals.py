"""Per-segment entry/exit intervals and their merging into a first contiguous window.

Within one straight segment the position is p(s) = p0 + D s with s in [0, 1], so being
inside a ball is a quadratic inequality in s and an altitude band a linear one. Intervals
are pairs (lo, hi) of segment fractions, clipped to [0, 1]; an interval is empty where
not lo < hi (no NaN, so intersections are plain max/min). Arrays are (n, m): threats x points.
"""

from __future__ import annotations

import numpy as np

TOUCH = 1e-6  # [s] gap under which consecutive segment windows count as one window
EMPTY = -1.0  # upper end of an empty interval (every lower end is >= 0)

Interval = tuple[np.ndarray, np.ndarray]


def ball_terms(offset: list[np.ndarray], step: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Terms (a, b, q) of |offset + step s|^2 = a s^2 + 2 b s + q, shared by balls of any radius.

    offset: per axis p0 - centre (n,m) [m]; step: per axis segment displacement (n,1) [m].
    Works for 2 or 3 axes.
    """
    a = sum(d * d for d in step)
    b = sum(o * d for o, d in zip(offset, step))
    q = sum(o * o for o in offset)
    return a, b, q


def ball(terms: tuple[np.ndarray, np.ndarray, np.ndarray], radius: np.ndarray) -> Interval:
    """Interval of s in [0,1] with |offset + step s| <= radius [m] (radius (n,m) or broadcastable)."""
    a, b, q = terms
    c = q - radius * radius
    disc = b * b - a * c
    root = np.sqrt(np.maximum(disc, 0.0))
    if np.all(a > 0):
        lo, hi = (-b - root) / a, (-b + root) / a
        return np.maximum(lo, 0.0), np.where(disc >= 0, np.minimum(hi, 1.0), EMPTY)
    moving = a > 0
    safe_a = np.where(moving, a, 1.0)
    lo = np.where(moving, (-b - root) / safe_a, 0.0)
    hi = np.where(moving, (-b + root) / safe_a, 1.0)
    ok = np.where(moving, disc >= 0, c <= 0)
    return np.maximum(lo, 0.0), np.where(ok, np.minimum(hi, 1.0), EMPTY)


def band(z0: np.ndarray, dz: np.ndarray, z_min: np.ndarray, z_max: np.ndarray) -> Interval:
    """Interval of s in [0,1] with z_min <= z0 + dz s <= z_max; z0, dz (n,1), bounds (m,) [m]."""
    climbing = dz != 0
    safe = np.where(climbing, dz, 1.0)
    s1 = (z_min - z0) / safe
    s2 = (z_max - z0) / safe
    inside = (z0 >= z_min) & (z0 <= z_max)
    lo = np.where(climbing, np.minimum(s1, s2), 0.0)
    hi = np.where(climbing, np.maximum(s1, s2), np.where(inside, 1.0, EMPTY))
    return np.maximum(lo, 0.0), np.minimum(hi, 1.0)


def intersect(first: Interval, second: Interval) -> Interval:
    """Intersection of two intervals."""
    return np.maximum(first[0], second[0]), np.minimum(first[1], second[1])


def cut_before(outer: Interval, inner: Interval) -> Interval:
    """First part of ``outer`` outside ``inner``: the part after ``inner`` is dropped."""
    lo, hi = outer
    ilo, ihi = inner
    overlap = (ilo < ihi) & (ilo <= hi) & (ihi >= lo)
    starts_inside = overlap & (ilo <= lo)
    return np.where(starts_inside, ihi, lo), np.where(overlap & ~starts_inside, ilo, hi)


class FirstWindow:
    """Running merge of per-segment windows, segment by segment, into the first window."""

    def __init__(self, shape: tuple[int, int]):
        self.t_in = np.full(shape, np.nan)
        self.t_out = np.full(shape, np.nan)
        self.open = np.zeros(shape, dtype=bool)

    def add(self, t0: np.ndarray, t1: np.ndarray, interval: Interval) -> None:
        """Take segment [t0, t1] (n,1) [s] with its interval in s (n,m); zero-length segments are skipped."""
        moving = t1 > t0
        s_lo, s_hi = interval
        valid = moving & (s_lo < s_hi)
        lo = t0 * (1 - s_lo) + t1 * s_lo
        hi = t0 * (1 - s_hi) + t1 * s_hi
        start = valid & np.isnan(self.t_in)
        cont = valid & self.open & (lo - self.t_out <= TOUCH)
        self.t_in = np.where(start, lo, self.t_in)
        self.t_out = np.where(start | cont, hi, self.t_out)
        self.open = (self.open & (cont | ~moving)) | start
