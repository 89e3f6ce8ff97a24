"""Positions of targets on piecewise-linear flights, compiled: the same arithmetic as
:meth:`airshield.engine.flight.Flights.position` and
:meth:`airshield.kinematics.Trajectories.position` (equal bit for bit)."""

from __future__ import annotations

from numba import njit


@njit(cache=True)
def waypoint_positions(wt, wx, wy, wz, offset, width, rows, times, out):
    """Positions (k, 3) [m] of targets ``rows`` at ``times`` [s] on the flat waypoints ``wt, wx,
    wy, wz`` (:class:`~airshield.sensing.compiled.columns.Waypoints`), linear between waypoints,
    clamped to each flight's ends, into ``out``."""
    for i in range(len(rows)):
        o, w = offset[rows[i]], width[rows[i]]
        c = times[i] if times[i] > wt[o] else wt[o]
        c = c if c < wt[o + w - 1] else wt[o + w - 1]
        segment = 0
        for s in range(o + 1, o + w - 1):
            if wt[s] <= c:
                segment += 1
        a = o + segment
        span = wt[a + 1] - wt[a]
        frac = (c - wt[a]) / span if span > 0 else 0.0
        out[i, 0] = wx[a] + frac * (wx[a + 1] - wx[a])
        out[i, 1] = wy[a] + frac * (wy[a + 1] - wy[a])
        out[i, 2] = wz[a] + frac * (wz[a + 1] - wz[a])
