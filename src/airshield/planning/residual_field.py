"""Kriging of what the layered response surface misses: a Gaussian-process correction of its residuals.

The layered model (:mod:`.surrogate`) carries the shape (diminishing returns, substitution) but not
every interaction; where it misses systematically, the simulated points around say so. The residuals
r_j = y_j - f(x_j) are modelled as a zero-mean Gaussian process over the quantities scaled by the
fitted range (z = x / max(range, 1)), squared-exponential covariance
``variance * exp(-|z - z'|^2 / (2 length^2))``, observed with each point's own replication noise
(se_j^2). Variance and length are chosen by marginal likelihood on a small grid; when no grid point
beats "no correction" the field is left out. Far from every simulated point the correction fades to
zero and the layered model speaks alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LENGTHS = (0.25, 0.5, 1.0, 2.0)
"""Correlation lengths tried, in units of the fitted range [-]."""
VARIANCE_FACTORS = (0.25, 1.0, 4.0)
"""Variances tried, as multiples of the residuals' excess over their replication noise [-]."""
MIN_POINTS = 5


@dataclass(frozen=True)
class ResidualField:
    """A fitted correction: scaled points (n, d), their weights K^-1 r (n,), the scale [steps] (d,),
    variance [value points^2] and length [-]."""

    points: np.ndarray
    weights: np.ndarray
    scale: np.ndarray
    variance: float
    length: float

    def predict(self, x) -> np.ndarray:
        """Correction at quantities ``x`` (rows of steps) [value points]."""
        z = np.atleast_2d(np.asarray(x, dtype=float)) / self.scale
        return _kernel(z, self.points, self.variance, self.length) @ self.weights

    def to_dict(self) -> dict:
        return {"variance": self.variance, "length": self.length, "points": len(self.weights)}


def fit_residual_field(x: np.ndarray, residuals: np.ndarray, se: np.ndarray, scale: np.ndarray) -> ResidualField | None:
    """The correction of ``residuals`` [value points] at points ``x`` (n, d) [steps] observed with
    standard errors ``se`` [value points], or None when it does not raise the marginal likelihood."""
    if len(residuals) < MIN_POINTS:
        return None
    z = np.asarray(x, dtype=float) / scale
    noise = np.asarray(se, dtype=float) ** 2 + 1e-6 * max(float(np.var(residuals)), 1e-12)
    excess = max(float(np.mean(residuals ** 2) - np.mean(noise)), 0.05 * float(np.mean(residuals ** 2)), 1e-12)
    best, best_ll = None, _loglik(np.diag(noise), residuals)[0]
    squared = _squared(z, z)  # once: every grid point rescales it
    for length in LENGTHS:
        for factor in VARIANCE_FACTORS:
            k = factor * excess * np.exp(-squared / (2.0 * length ** 2))
            ll, weights = _loglik(k + np.diag(noise), residuals)
            if ll > best_ll:
                best, best_ll = ResidualField(z, weights, scale, factor * excess, length), ll
    return best


def _squared(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Squared distances (len(a), len(b)) between rows of scaled quantities [-]."""
    return np.sum((a[:, None, :] - b[None, :, :]) ** 2, axis=2)


def _kernel(a: np.ndarray, b: np.ndarray, variance: float, length: float) -> np.ndarray:
    return variance * np.exp(-_squared(a, b) / (2.0 * length ** 2))


def _loglik(k: np.ndarray, r: np.ndarray) -> tuple[float, np.ndarray]:
    """Gaussian log marginal likelihood of ``r`` under covariance ``k`` and the weights K^-1 r."""
    chol = np.linalg.cholesky(k)
    weights = np.linalg.solve(chol.T, np.linalg.solve(chol, r))
    return float(-0.5 * r @ weights - np.sum(np.log(np.diag(chol)))), weights
