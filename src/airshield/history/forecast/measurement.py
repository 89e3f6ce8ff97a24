"""Reports as measurements of the logit share: binomial counts linearised at the filter's prediction.

A report of k of n launched is a binomial count. Its empirical logit ``log((k + 1/2) / (n - k + 1/2))``
is close to the logit share only for large raids. For small raids it is not: the empirical logit of
one missile is +-1.1 whatever the share, and the textbook variance ``1/(k + 1/2) + 1/(n - k + 1/2)``
(Cox 1970) at the observed k is several times off. :class:`Measurement` therefore linearises each
report at the filter's predicted logit share with the exact binomial mean, slope and variance of its
empirical logit (:func:`elogit_moments`): the measurement of an extended Kalman filter for binomial
counts on a logit scale. Worked case (tested): one missile at a share of 0.1 has mean empirical logit
-0.879 (logit 0.1 = -2.197), slope 0.198 and variance 0.434, so a working variance of 11.1; the
delta method at k = 0 would claim 2.3.
"""

from __future__ import annotations

import numpy as np
from scipy.special import gammaln, xlog1py, xlogy


def elogit(k, n):
    """Empirical logit of k successes in n trials [-]."""
    k, n = np.asarray(k, float), np.asarray(n, float)
    return np.log((k + 0.5) / (n - k + 0.5))


EXACT_LIMIT = 1000
"""Largest raid whose moments are summed exactly; above it those of the normal approximation."""


def binomial_pmf(k: np.ndarray, size: float, p: np.ndarray) -> np.ndarray:
    """P(K = k) [-] of K ~ Binomial(size, p), from the log-gamma form (k broadcast against p)."""
    log_choose = gammaln(size + 1.0) - gammaln(k + 1.0) - gammaln(size - k + 1.0)
    return np.exp(log_choose + xlogy(k, p) + xlog1py(size - k, -p))


def elogit_moments(n, p) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean, slope and variance [-] of the empirical logit of K ~ Binomial(n, p), for raid sizes ``n``
    (N,) at shares ``p`` (scalar or (G,), in (0, 1)): arrays (N,) or (N, G). The slope is the derivative
    of the mean with respect to logit(p), Cov(K, elogit(K)). Exact sums over K up to ``EXACT_LIMIT``;
    above, the normal approximation's logit(p), 1 and 1 / (n p (1 - p))."""
    n, p = np.asarray(n, float), np.asarray(p, float)
    shape = n.shape + p.shape
    mean = np.broadcast_to(np.log(p / (1.0 - p)), shape).copy()
    slope = np.ones(shape)
    var = 1.0 / np.maximum(n.reshape(n.shape + (1,) * p.ndim) * p * (1.0 - p), 1e-12) + np.zeros(shape)
    for size in np.unique(n[n <= EXACT_LIMIT]):
        k = np.arange(int(size) + 1).reshape((-1,) + (1,) * p.ndim)
        w = binomial_pmf(k, size, p)
        z = elogit(k, size)
        m = (w * z).sum(axis=0)
        rows = n == size
        mean[rows] = m
        slope[rows] = (w * (k - size * p) * z).sum(axis=0)
        var[rows] = (w * (z - m) ** 2).sum(axis=0)
    return mean, slope, var


MIN_SLOPE = 1e-3
"""Smallest slope of a report's mean empirical logit in the logit share [-] (keeps the working variance finite)."""
GRID = np.linspace(-8.0, 8.0, 161)
"""Logit shares [-] at which :class:`Measurement` tabulates the empirical logit's moments."""


class Moments:
    """The empirical logit's moments on ``GRID`` for a set of raid sizes: per size, the mean, the inverse
    slope and the working variance ``var / slope^2`` (``table`` (sizes, 3, G)). They depend on the raid
    size alone, so one table serves every report, share and rolling step of a run."""

    def __init__(self, sizes) -> None:
        self.sizes = np.unique(np.asarray(sizes, float))
        mean, slope, var = elogit_moments(self.sizes, 1.0 / (1.0 + np.exp(-GRID)))
        slope = np.maximum(slope, MIN_SLOPE)
        self.table = np.stack([mean, 1.0 / slope, var / slope ** 2], axis=1)
        self.grid = GRID

    def rows(self, n: np.ndarray) -> np.ndarray:
        """Row of ``table`` of each raid size ``n``; a size the table lacks is an error."""
        row = np.minimum(np.searchsorted(self.sizes, n), max(len(self.sizes) - 1, 0))
        if len(n) and not np.array_equal(self.sizes[row], n):
            raise ValueError("raid sizes missing from the moments table")
        return row.astype(np.int64)


class Measurement:
    """Reports (k of n) as working observations of the logit share, linearised at any predicted logit
    share ``eta``: ``eta + (elogit - mean(eta)) / slope(eta)`` with variance ``var(eta) / slope(eta)^2``
    (the moments of :func:`elogit_moments` per raid size, tabulated on ``GRID`` by :class:`Moments`
    and interpolated). ``moments`` may be a table shared across calls (built from ``n`` if None)."""

    def __init__(self, k, n, moments: Moments | None = None) -> None:
        k, n = np.asarray(k, float), np.asarray(n, float)
        moments = Moments(n) if moments is None else moments
        self.z, self.row = elogit(k, n), moments.rows(n)
        self.table, self.grid = moments.table, moments.grid

    def __len__(self) -> int:
        return len(self.z)

    def __call__(self, i: int, eta: float) -> tuple[float, float]:
        """Working value and its variance [-] of report ``i`` at the predicted logit share ``eta``
        (the reference of the compiled filter's interpolation)."""
        grid = self.grid
        u = min(max((eta - grid[0]) / (grid[1] - grid[0]), 0.0), len(grid) - 1.000001)
        j = int(u)
        f = u - j
        mean, inverse_slope, var = self.table[self.row[i], :, j] * (1.0 - f) + self.table[self.row[i], :, j + 1] * f
        return eta + (self.z[i] - mean) * inverse_slope, var
