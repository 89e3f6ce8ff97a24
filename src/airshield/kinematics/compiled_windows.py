"""First windows of threats in regions, compiled: the numpy windows of :mod:`.windows` pair by
pair, with the same floating-point operations in the same order (so the same numbers), skipping
segments that pass far outside a region (a bound with a 1 m margin: their interval is empty
either way).

Region kinds: a ball with an altitude band (``SPHERE``), a weapon envelope (``ENVELOPE``: ball
and band, cut at the inner dead zone), a sensor's coverage (``DETECTION``: radius capped by the
radar horizon at the segment's lower end) and a horizontal circle (``CIRCLE``).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from airshield.kinematics.intervals import EMPTY, TOUCH
from airshield.physics.horizon import EARTH_RADIUS_M, K_FACTOR

SPHERE, ENVELOPE, DETECTION, CIRCLE = 0, 1, 2, 3
TWO_KR = 2.0 * K_FACTOR * EARTH_RADIUS_M  # as in airshield.physics.horizon [m]
MARGIN = 1.0  # [m] a segment farther than radius + this from a region's centre is skipped


@njit(cache=True)
def _ball(a, b, q, radius):
    """(lo, hi) of s in [0, 1] inside |offset + step s| <= radius (see intervals.ball)."""
    c = q - radius * radius
    disc = b * b - a * c
    root = math.sqrt(max(disc, 0.0))
    if a > 0:
        lo, hi, ok = (-b - root) / a, (-b + root) / a, disc >= 0
    else:
        lo, hi, ok = 0.0, 1.0, c <= 0
    return max(lo, 0.0), (min(hi, 1.0) if ok else EMPTY)


@njit(cache=True)
def _band(z0, dz, z_min, z_max):
    """(lo, hi) of s in [0, 1] with z_min <= z0 + dz s <= z_max (see intervals.band)."""
    if dz != 0:
        s1, s2 = (z_min - z0) / dz, (z_max - z0) / dz
        lo, hi = min(s1, s2), max(s1, s2)
    else:
        lo, hi = 0.0, (1.0 if (z0 >= z_min and z0 <= z_max) else EMPTY)
    return max(lo, 0.0), min(hi, 1.0)


@njit(cache=True)
def _segment(kind, ox, oy, oz, dx, dy, dz, z0, r_max, r_min, z_min, z_max, antenna):
    """Interval (lo, hi) in s of one segment in one region."""
    if kind == CIRCLE:
        a = 0 + dx * dx + dy * dy
        b = 0 + ox * dx + oy * dy
        q = 0 + ox * ox + oy * oy
        return _ball(a, b, q, r_max)
    a = 0 + dx * dx + dy * dy + dz * dz
    b = 0 + ox * dx + oy * dy + oz * dz
    q = 0 + ox * ox + oy * oy + oz * oz
    radius = r_max
    if kind == DETECTION:
        low = min(z0, z0 + dz)
        radius = min(r_max, math.sqrt(TWO_KR * max(antenna, 0.0)) + math.sqrt(TWO_KR * max(low, 0.0)))
    blo, bhi = _ball(a, b, q, radius)
    zlo, zhi = _band(z0, dz, z_min, z_max)
    lo, hi = max(blo, zlo), min(bhi, zhi)
    if kind == ENVELOPE:
        ilo, ihi = _ball(a, b, q, r_min)
        overlap = ilo < ihi and ilo <= hi and ihi >= lo
        if overlap and ilo <= lo:
            lo = ihi
        elif overlap:
            hi = ilo
    return lo, hi


@njit(cache=True)
def _far(ox, oy, oz, dx, dy, dz, radius, flat):
    """Whether the segment stays farther than radius + MARGIN from the region's centre."""
    if flat:
        oz, dz = 0.0, 0.0
    mx, my, mz = ox + 0.5 * dx, oy + 0.5 * dy, oz + 0.5 * dz
    half = 0.5 * math.sqrt(dx * dx + dy * dy + dz * dz)
    return math.sqrt(mx * mx + my * my + mz * mz) - half > radius + MARGIN


@njit(cache=True)
def first_windows(kind, t, x, y, z, cx, cy, cz, r_max, r_min, z_min, z_max):
    """(t_in, t_out) (n, m) [s] of each trajectory row in each region, NaN where never.

    t, x, y, z (n, S+1) waypoints; cx, cy, cz (m,) centres [m] (cz: antenna height); r_max (n, m)
    radius [m]; r_min (m,) inner radius [m]; z_min, z_max (m,) altitude band [m]."""
    n, m, segments = t.shape[0], cx.shape[0], t.shape[1] - 1
    t_in = np.full((n, m), np.nan)
    t_out = np.full((n, m), np.nan)
    flat = kind == CIRCLE
    for i in range(n):
        for c in range(m):
            is_open = False
            for k in range(segments):
                t0, t1 = t[i, k], t[i, k + 1]
                if not t1 > t0:
                    continue
                ox, oy, oz = x[i, k] - cx[c], y[i, k] - cy[c], z[i, k] - cz[c]
                dx, dy, dz = x[i, k + 1] - x[i, k], y[i, k + 1] - y[i, k], z[i, k + 1] - z[i, k]
                if _far(ox, oy, oz, dx, dy, dz, r_max[i, c], flat):
                    is_open = False
                    continue
                s_lo, s_hi = _segment(kind, ox, oy, oz, dx, dy, dz, z[i, k], r_max[i, c], r_min[c], z_min[c],
                                      z_max[c], cz[c])
                if not s_lo < s_hi:
                    is_open = False
                    continue
                lo = t0 * (1 - s_lo) + t1 * s_lo
                hi = t0 * (1 - s_hi) + t1 * s_hi
                if math.isnan(t_in[i, c]):
                    t_in[i, c], t_out[i, c], is_open = lo, hi, True
                elif is_open and lo - t_out[i, c] <= TOUCH:
                    t_out[i, c] = hi
                else:
                    is_open = False
    return t_in, t_out
