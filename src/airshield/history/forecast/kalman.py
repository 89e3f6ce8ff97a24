"""A drifting level plus regressors: a Kalman filter on the logit scale.

Observation of raid i (report time t_i):  z_i = a(t_i) + sum_j b_j * x_ij + e_i,
    e_i ~ N(0, v_i + s2)   (v_i binomial sampling of the reported share, s2 raid-to-raid over-dispersion),
where z_i, v_i are given, or are the working value and variance of a binomial report linearised at
the predicted logit share (:class:`~airshield.history.forecast.measurement.Measurement`, an extended
Kalman filter),
level:  a(t) random walk, Var[a(t + d) - a(t)] = q * d  (d in days),
b_j: static weights of the centred regressors x_ij (the simulated logit, the raid's log size and the
launch fractions of its type families, :mod:`.mix`).
The state (a, b) starts diffuse; the filter gives the log-likelihood (prediction-error
decomposition, after a short burn-in), the standardised one-step-ahead residuals (their empirical
distribution shapes the predictive raid effect) and the state's mean and covariance after each report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from airshield.history.forecast.filter_kernel import filter_loop

BURN_IN = 5
PRIOR_LEVEL_VAR = 4.0
PRIOR_WEIGHT = (0.0, 1.0)
"""Prior mean [-] and variance [-] of each regressor's weight."""


@dataclass(frozen=True)
class Hyper:
    """Hyper-parameters: log over-dispersion variance [-], log drift variance per day [1/day]."""

    log_s2: float
    log_q: float


@dataclass(frozen=True)
class Path:
    """Filtered state (level, weights) after each observation: times [days], means (N, d),
    covariances (N, d, d); standardised one-step-ahead residuals (N, NaN during the burn-in)."""

    t: np.ndarray
    mean: np.ndarray
    cov: np.ndarray
    loglik: float
    residuals: np.ndarray
    prior_mean: np.ndarray
    prior_cov: np.ndarray

    def state_at(self, t: float, cutoff: float, q: float) -> tuple[np.ndarray, np.ndarray]:
        """State predicted to time ``t`` from the reports made up to ``cutoff`` [days]."""
        i = int(np.searchsorted(self.t, cutoff, side="right")) - 1
        if i < 0:
            return self.prior_mean.copy(), self.prior_cov.copy()
        cov = self.cov[i].copy()
        cov[0, 0] += q * max(t - self.t[i], 0.0)
        return self.mean[i].copy(), cov


def regressors(x) -> np.ndarray:
    """Regressors as an (N, m) array, NaN -> 0 (a 1-D ``x`` is one regressor)."""
    x = np.nan_to_num(np.asarray(x, float))
    return x[:, None] if x.ndim == 1 else x


def prior(z: np.ndarray, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Prior state mean and covariance: level at the mean of the first reports, weights N(0, 1)."""
    start = float(np.mean(z[:BURN_IN])) if len(z) else 0.0
    mean = np.r_[start, np.full(m, PRIOR_WEIGHT[0])]
    return mean, np.diag(np.r_[PRIOR_LEVEL_VAR, np.full(m, PRIOR_WEIGHT[1])])


def run_filter(z, v, x, t, hyper: Hyper, measure=None) -> Path:
    """Filter observations sorted by time ``t`` [days]; ``x`` (N,) or (N, m) already centred (NaN -> 0).
    The reference implementation, one observation at a time in plain matrix algebra; with ``measure``
    (``measure(i, eta) -> (value, variance)``), observation i is linearised at the predicted logit share
    ``eta`` (``z`` then only sets the prior level; ``v`` is unused)."""
    z, v, t = (np.asarray(a, float) for a in (z, v, t))
    x = regressors(x)
    q, s2 = math.exp(hyper.log_q), math.exp(hyper.log_s2)
    prior_mean, prior_cov = prior(z, x.shape[1])
    mean, cov = prior_mean.copy(), prior_cov.copy()
    means, covs = np.empty((len(z), len(mean))), np.empty((len(z), len(mean), len(mean)))
    loglik, last = 0.0, (t[0] if len(t) else 0.0)
    residuals = np.full(len(z), np.nan)
    for i in range(len(z)):
        cov[0, 0] += q * max(t[i] - last, 0.0)
        last = t[i]
        h = np.r_[1.0, x[i]]
        ph = cov @ h
        eta = float(h @ mean)
        zi, vi = (z[i], v[i]) if measure is None else measure(i, eta)
        s = float(h @ ph) + s2 + vi
        e = zi - eta
        if i >= BURN_IN:
            loglik -= 0.5 * (math.log(2 * math.pi * s) + e * e / s)
            residuals[i] = e / math.sqrt(s)
        gain = ph / s
        mean = mean + gain * e
        cov = cov - np.outer(gain, ph)
        means[i], covs[i] = mean, cov
    return Path(t, means, covs, loglik, residuals, prior_mean, prior_cov)


def run_filters(z, v, x, t, hypers: list[Hyper]) -> list[Path]:
    """:func:`run_filter` for several hyper-parameter vectors at once (compiled, vectorised over them)."""
    return _filter(np.asarray(z, float), np.asarray(v, float), None, x, t, hypers)


def filter_measured(measure, x, t, hypers: list[Hyper]) -> list[Path]:
    """The filter under each of ``hypers`` with binomial reports linearised at the predicted logit
    share (``measure``, a :class:`~airshield.history.forecast.measurement.Measurement`; an extended
    Kalman filter), sorted by time ``t`` [days]; ``x`` centred regressors."""
    return _filter(measure.z, np.zeros(len(measure.z)), measure, x, t, hypers)


def _filter(z: np.ndarray, v: np.ndarray, measure, x, t, hypers: list[Hyper]) -> list[Path]:
    t = np.asarray(t, float)
    x = regressors(x)
    h = np.ones((len(z), x.shape[1] + 1))
    h[:, 1:] = x
    prior_mean, prior_cov = prior(z, x.shape[1])
    gap = np.maximum(np.diff(t, prepend=t[:1]), 0.0)
    if measure is None:   # given values: an empty moments table tells the kernel to read z, v
        table, row, start, step = np.zeros((0, 3, 2)), np.zeros(len(z), np.int64), 0.0, 1.0
    else:
        table, row, start, step = measure.table, measure.row, measure.grid[0], measure.grid[1] - measure.grid[0]
    means, covs, loglik, residuals = filter_loop(
        z, v, row, table, float(start), float(step), h, gap,
        np.exp([hy.log_q for hy in hypers]), np.exp([hy.log_s2 for hy in hypers]), prior_mean, prior_cov, BURN_IN)
    return [Path(t, means[j], covs[j], float(loglik[j]), residuals[j], prior_mean, prior_cov) for j in range(len(hypers))]
