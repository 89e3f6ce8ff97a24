"""Scores of predictive distributions given as weighted samples: quantiles, coverage, randomised PIT, CRPS.

CRPS(F, y) = E|X - y| - 1/2 E|X - X'| (the energy form, Gneiting & Raftery 2007), exact for a
weighted empirical distribution; lower is better, in the units of the share [-].
"""

from __future__ import annotations

import numpy as np

LEVELS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
REPORTED_LEVELS = (0.5, 0.8, 0.9)
TIE = 1e-9
"""Draws within this of the outcome [-] count as equal to it (shares are ratios of counts)."""


def _sorted(values, weights=None) -> tuple[np.ndarray, np.ndarray]:
    values = np.asarray(values, float)
    weights = np.ones(len(values)) if weights is None else np.asarray(weights, float)
    order = np.argsort(values, kind="stable")
    w = weights[order]
    return values[order], w / w.sum()


def quantile(values, tau: float, weights=None) -> float:
    """The ``tau`` quantile (smallest x with F(x) >= tau) of a weighted sample."""
    x, w = _sorted(values, weights)
    index = int(np.searchsorted(np.cumsum(w), tau - 1e-12, side="left"))
    return float(x[min(index, len(x) - 1)])


def interval(values, level: float, weights=None) -> tuple[float, float]:
    """Central ``level`` interval [-] of a weighted sample."""
    return quantile(values, (1 - level) / 2, weights), quantile(values, (1 + level) / 2, weights)


def covered(values, y: float, level: float, weights=None) -> bool:
    """Whether ``y`` lies inside the central ``level`` interval (bounds included)."""
    low, high = interval(values, level, weights)
    return bool(low - 1e-12 <= y <= high + 1e-12)


def pit_range(values, y: float, weights=None) -> tuple[float, float]:
    """(F(y-), F(y)) of a weighted sample at the outcome ``y`` [-]: the range of its randomised PIT
    (Czado, Gneiting & Held 2009), a single point where ``y`` carries no mass."""
    x, w = _sorted(values, weights)
    below = float(w[x < y - TIE].sum())
    return below, below + float(w[np.abs(x - y) <= TIE].sum())


def pit_coverage(low, high, level: float):
    """Expected coverage [0, 1] by the central ``level`` interval of an outcome whose randomised PIT is
    uniform on [``low``, ``high``]: the share of that range inside [(1 - level) / 2, (1 + level) / 2] (an
    indicator where the range is a point). Its mean over forecasts that are calibrated is ``level``
    however discrete the quantity (a share of two missiles can only be 0, 1/2 or 1, so a central
    interval that ends on an atom covers more than its level; :func:`covered` counts that as covered).
    ``low`` and ``high`` may be arrays (one entry per outcome)."""
    a, b = (1.0 - level) / 2.0, (1.0 + level) / 2.0
    low, high = np.asarray(low, float), np.asarray(high, float)
    width = high - low
    spread = width > 1e-15
    inside = np.clip(np.minimum(high, b) - np.maximum(low, a), 0.0, None) / np.where(spread, width, 1.0)
    return np.where(spread, inside, ((a <= low) & (low <= b)).astype(float))


def crps(values, y: float, weights=None) -> float:
    """CRPS of a weighted sample against the outcome ``y`` [-]."""
    x, w = _sorted(values, weights)
    absolute = float(np.sum(w * np.abs(x - y)))
    below = np.cumsum(w) - w                       # weight of the samples sorted before each one
    spread = float(np.sum(w * x * (below - (1.0 - below - w))))   # sum_{i<j} w_i w_j (x_j - x_i)
    return absolute - spread


def weighted_mean_abs(errors, weights) -> float:
    """Weighted mean of |errors| over the finite entries."""
    errors, weights = np.asarray(errors, float), np.asarray(weights, float)
    ok = np.isfinite(errors)
    return float(np.average(np.abs(errors[ok]), weights=weights[ok])) if ok.any() else float("nan")
