"""Threat evaluation of one threat, compiled: the reference's formulas
(:func:`airshield.c2.evaluation.evaluate_threats`) in the same order, for the value at risk only."""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from airshield.engine.compiled.sums import row_sum


@njit(cache=True)
def value_at_risk(px: float, py: float, vx: float, vy: float, drone_like: bool, lethal: float,
                  decoy_belief: float, sigma_drone: float, sigma_missile: float,
                  ax, ay, avalue, aradius) -> float:
    """Value at risk [value points] of a threat at (px, py) [m] flying (vx, vy) [m/s]."""
    n = len(ax)
    heading = math.atan2(vy, vx)
    sigma = sigma_drone if drone_like else sigma_missile
    likelihood = np.empty(n)
    for a in range(n):
        angle = (math.atan2(ay[a] - py, ax[a] - px) - heading + math.pi) % (2 * math.pi) - math.pi
        inside = 1.0 if abs(angle) < math.pi / 2 else 0.0
        likelihood[a] = math.exp(-0.5 * (angle / sigma) ** 2) * inside
    total = row_sum(likelihood)
    weighted = np.empty(n)
    for a in range(n):
        share = likelihood[a] / total if total > 0 else 0.0
        weighted[a] = share * (avalue[a] * min(1.0, (lethal / aradius[a]) ** 2))
    armed = 1.0 - decoy_belief if drone_like else 1.0
    return armed * row_sum(weighted)
