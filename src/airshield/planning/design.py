"""Space-filling designs over option quantities within availability and budget (scaled Sobol points)."""

from __future__ import annotations

import numpy as np
from scipy.stats import qmc


def space_filling(limits: np.ndarray, prices: np.ndarray, budget: float, n: int, seed: int) -> np.ndarray:
    """``n`` integer points (n, d) spread over the box [0, limits]: scrambled Sobol points in the
    box, each scaled down onto the budget when it costs more (so the design varies every option at
    once over its whole range, and large quantities of one option meet small ones of the others)."""
    limits = np.asarray(limits, dtype=float)
    d = len(limits)
    if n <= 0 or d == 0:
        return np.zeros((0, d), dtype=int)
    sampler = qmc.Sobol(d, scramble=True, seed=seed)
    unit = sampler.random(1 << int(np.ceil(np.log2(max(n, 2)))))[:n]
    points = np.rint(unit * limits)
    cost = points @ prices
    scale = np.where(cost > budget, budget / np.maximum(cost, 1e-12), 1.0)
    points = np.floor(points * scale[:, None] + 1e-9)
    return np.minimum(points, limits).astype(int)
