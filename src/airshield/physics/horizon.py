"""Radar horizon over a smooth Earth with standard refraction (4/3-Earth model)."""

from __future__ import annotations

import numpy as np

EARTH_RADIUS_M = 6_371_000.0
"""Mean Earth radius [m]."""

K_FACTOR = 4.0 / 3.0
"""Effective Earth radius factor for standard atmospheric refraction [-]."""


def radar_horizon(h1, h2=0.0):
    """Radar horizon range [m] between an antenna at ``h1`` [m] and a target at ``h2`` [m].

    ``d = sqrt(2 k R h1) + sqrt(2 k R h2)`` with k = 4/3 and R = 6,371 km, i.e. about
    4.12 km * (sqrt(h1) + sqrt(h2)) with heights in metres. Vectorised over numpy arrays;
    negative heights are clipped to 0. Returns a float for scalar inputs.
    """
    two_kr = 2.0 * K_FACTOR * EARTH_RADIUS_M
    a = np.clip(np.asarray(h1, dtype=float), 0.0, None)
    b = np.clip(np.asarray(h2, dtype=float), 0.0, None)
    d = np.sqrt(two_kr * a) + np.sqrt(two_kr * b)
    return float(d) if d.ndim == 0 else d
