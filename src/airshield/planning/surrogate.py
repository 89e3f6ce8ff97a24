"""A response surface for value lost as a function of the quantities bought, with diminishing returns
and interactions, fitted by weighted least squares, with a cross-validated error estimate.

Layered model: each option removes a share of what still gets through, with diminishing returns,

    V(x) = V0 * prod_i (1 - m_i (1 - exp(-x_i / c_i)))

x_i steps of option i, m_i in [0, 1] its largest share of the loss it can remove, c_i [steps] the scale
of its diminishing returns. Options interact multiplicatively (substitutes: one option's saving
shrinks what is left for the others). In log space the model is separable, so the best integer mix
under a budget is an exact knapsack over concave curves (:mod:`.knapsack`). The model is trusted only
inside the fitted range: x_i <= the largest quantity of option i among the fitted points.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import least_squares

FOLDS = 5


@dataclass(frozen=True)
class LayerSurrogate:
    """Fitted parameters, the fitted range ``upper`` [steps], and error estimates [value points]."""

    v0: float
    m: np.ndarray
    c: np.ndarray
    upper: np.ndarray
    cv_rmse: float
    noise: float
    points: int

    def predict(self, x) -> np.ndarray:
        """Predicted value lost at quantities ``x`` (one point or rows of points) [value points]."""
        x = np.atleast_2d(np.asarray(x, dtype=float))
        return self.v0 * np.prod(1.0 - self.m * (1.0 - np.exp(-x / self.c)), axis=1)

    def saving_alone(self, i: int, steps: float) -> float:
        """Modelled saving of ``steps`` of option ``i`` alone [value points]."""
        return float(self.v0 * self.m[i] * (1.0 - np.exp(-steps / self.c[i])))

    def inside(self, x) -> bool:
        """Whether ``x`` lies inside the fitted range (the trust region)."""
        return bool(np.all(np.asarray(x) <= self.upper + 1e-9))

    def log_curves(self, limits) -> list[list[tuple[float, float]]]:
        """Per option, concave saving curves in -log V as (length, slope) segments with breakpoints at
        whole steps (at most 60 segments per option), up to min(limit, fitted range)."""
        curves = []
        for i, limit in enumerate(limits):
            top = int(min(limit, self.upper[i]))
            if top <= 0:
                curves.append([])
                continue
            levels = np.unique(np.round(np.linspace(0, top, min(top, 60) + 1)).astype(int))
            h = -np.log(np.maximum(1.0 - self.m[i] * (1.0 - np.exp(-levels / self.c[i])), 1e-12))
            curves.append([(float(b - a), float((hb - ha) / (b - a))) for a, b, ha, hb
                           in zip(levels, levels[1:], h, h[1:]) if b > a])
        return curves

    def to_dict(self) -> dict:
        return {"model": "V0 * prod_i (1 - m_i (1 - exp(-x_i / c_i)))", "v0": self.v0, "m": self.m.tolist(),
                "c_steps": self.c.tolist(), "fitted_range_steps": self.upper.tolist(),
                "cv_rmse": self.cv_rmse, "replication_noise": self.noise, "points": self.points}


def fit_surrogate(x: np.ndarray, y: np.ndarray, se: np.ndarray, *, cv: bool = True) -> LayerSurrogate:
    """Weighted least squares (weights 1/(se^2 + floor^2)) on points ``x`` (n, d) with mean value lost
    ``y`` and its standard error ``se``; ``cv_rmse`` from K-fold cross-validation (NaN if ``cv`` is off)."""
    x, y, se = (np.asarray(a, dtype=float) for a in (x, y, se))
    upper = x.max(axis=0)
    params = _fit(x, y, se, upper)
    v0, m, c = _unpack(params, upper)
    noise = float(np.sqrt(np.mean(se ** 2)))
    return LayerSurrogate(v0, m, c, upper, _cv_rmse(x, y, se, upper) if cv else float("nan"), noise, len(y))


def _unpack(p: np.ndarray, upper: np.ndarray):
    d = len(upper)
    m = 1.0 / (1.0 + np.exp(-p[1:1 + d]))
    c = np.exp(p[1 + d:]) * np.maximum(upper, 1.0)
    return float(np.exp(p[0])), m, c


def _fit(x, y, se, upper) -> np.ndarray:
    d = x.shape[1]
    sigma = np.sqrt(se ** 2 + (0.05 * max(float(np.mean(se)), 1e-6 * max(y.max(), 1e-9))) ** 2 + 1e-18)
    scale = max(float(y.max()), 1e-9)

    def residuals(p):
        v0, m, c = _unpack(p, upper)
        pred = v0 * np.prod(1.0 - m * (1.0 - np.exp(-x / c)), axis=1)
        prior = 0.01 * p[1:]  # weak pull towards m = 1/2, c = range: keeps unidentified options tame
        return np.concatenate([(pred - y) / sigma, prior])

    start = np.concatenate([[np.log(max(float(y[np.argmin(x.sum(axis=1))]), 1e-6 * scale))],
                            np.zeros(d), np.log(np.full(d, 0.5))])
    best = None
    for m0 in (0.0, 2.0):
        trial = least_squares(residuals, np.concatenate([start[:1], np.full(d, m0), start[1 + d:]]), method="trf",
                              max_nfev=2000)
        if best is None or trial.cost < best.cost:
            best = trial
    return best.x


def _cv_rmse(x, y, se, upper) -> float:
    """Root mean square of out-of-fold prediction errors (K folds, fixed assignment by index)."""
    n = len(y)
    if n < 2 * x.shape[1] + 3:
        return float("nan")
    errors = []
    for k in range(FOLDS):
        test = np.arange(n) % FOLDS == k
        p = _fit(x[~test], y[~test], se[~test], upper)
        v0, m, c = _unpack(p, upper)
        pred = v0 * np.prod(1.0 - m * (1.0 - np.exp(-x[test] / c)), axis=1)
        errors += list(pred - y[test])
    return float(np.sqrt(np.mean(np.square(errors))))
