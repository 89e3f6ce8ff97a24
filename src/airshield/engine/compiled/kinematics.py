"""Positions on piecewise-linear trajectories and interceptor meeting times, compiled.

Trajectories are stored per threat in flat arrays: threat j's waypoints are
``t, x, y, z[offset[j]:offset[j] + points[j]]``, as in its group of
:class:`~airshield.engine.flight.Flights` (padding included), so that the segment found and the
interpolation are the reference's (:func:`airshield.engine.flight._interpolate`).
"""

from __future__ import annotations

import math

from numba import njit


@njit(cache=True)
def state(tr, j: int, time: float):
    """Position (x, y, z) [m] and velocity (vx, vy, vz) [m/s] of threat ``j`` at ``time`` [s],
    clamped to its flight's ends."""
    t, x, y, z = tr.t, tr.x, tr.y, tr.z
    lo, n = tr.offset[j], tr.points[j]
    clamped = min(max(time, t[lo]), t[lo + n - 1])
    segment = 0
    for k in range(1, n - 1):
        if t[lo + k] <= clamped:
            segment += 1
    s = lo + segment
    span = t[s + 1] - t[s]
    moving = span > 0
    safe = span if moving else 1.0
    frac = (clamped - t[s]) / safe if moving else 0.0
    px = x[s] + frac * (x[s + 1] - x[s])
    py = y[s] + frac * (y[s + 1] - y[s])
    pz = z[s] + frac * (z[s + 1] - z[s])
    vx = (x[s + 1] - x[s]) / safe if moving else 0.0
    vy = (y[s + 1] - y[s]) / safe if moving else 0.0
    vz = (z[s + 1] - z[s]) / safe if moving else 0.0
    return px, py, pz, vx, vy, vz


@njit(cache=True)
def _excess(tr, j: int, t: float, launch: float, ux: float, uy: float, speed: float) -> float:
    px, py, pz, _, _, _ = state(tr, j, t)
    reach = math.sqrt((px - ux) ** 2 + (py - uy) ** 2 + pz ** 2) / speed
    return t - launch - reach


@njit(cache=True)
def intercept_time(tr, j: int, ux: float, uy: float, speed: float, launch: float, latest: float) -> float:
    """Time [s] an interceptor at (ux, uy) launched at ``launch`` [s] with mean ``speed`` [m/s]
    meets threat ``j``, at most ``latest`` [s] (see :func:`airshield.engine.intercept.intercept_time`)."""
    meet = launch
    step = 0.0
    for _ in range(3):
        step = _excess(tr, j, meet, launch, ux, uy, speed)
        meet = meet - step
    if abs(step) > 0.25:
        lo, hi = launch, max(latest, launch)
        for _ in range(20):
            mid = 0.5 * (lo + hi)
            if _excess(tr, j, mid, launch, ux, uy, speed) >= 0:
                hi = mid
            else:
                lo = mid
        meet = hi
    return min(meet, max(latest, launch))
