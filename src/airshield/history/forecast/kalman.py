"""A drifting level plus the simulation's signal: a Kalman filter on the empirical-logit scale.

Observation of raid i (report time t_i):  z_i = a(t_i) + b * x_i + e_i,
    e_i ~ N(0, v_i + s2)   (v_i binomial sampling of the reported share, s2 raid-to-raid over-dispersion),
level:  a(t) random walk, Var[a(t + d) - a(t)] = q * d  (d in days),
b: static weight of the centred simulated logit x_i.
The state (a, b) starts diffuse; the filter gives the log-likelihood (prediction-error
decomposition, after a short burn-in), the standardised one-step-ahead residuals (their empirical
distribution shapes the predictive raid effect) and the state's mean and covariance after each report.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

BURN_IN = 5
PRIOR_LEVEL_VAR = 4.0
PRIOR_WEIGHT = (0.0, 1.0)


@dataclass(frozen=True)
class Hyper:
    """Hyper-parameters: log over-dispersion variance [-], log drift variance per day [1/day]."""

    log_s2: float
    log_q: float


@dataclass(frozen=True)
class Path:
    """Filtered state after each observation: times [days], means (N, 2), covariances (N, 2, 2);
    standardised one-step-ahead residuals (N, NaN during the burn-in)."""

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


def run_filter(z, v, x, t, hyper: Hyper) -> Path:
    """Filter observations sorted by time ``t`` [days]; ``x`` already centred (NaN -> 0)."""
    z, v, t = (np.asarray(a, float) for a in (z, v, t))
    x = np.nan_to_num(np.asarray(x, float))
    q, extra = math.exp(hyper.log_q), math.exp(hyper.log_s2) + v
    start = float(np.mean(z[:BURN_IN])) if len(z) else 0.0
    m0, m1 = start, PRIOR_WEIGHT[0]
    p00, p01, p11 = PRIOR_LEVEL_VAR, 0.0, PRIOR_WEIGHT[1]
    prior_mean, prior_cov = np.array([m0, m1]), np.array([[p00, p01], [p01, p11]])
    means, covs = np.empty((len(z), 2)), np.empty((len(z), 2, 2))
    loglik, last = 0.0, (t[0] if len(t) else 0.0)
    residuals = np.full(len(z), np.nan)
    for i in range(len(z)):
        p00 += q * max(t[i] - last, 0.0)
        last = t[i]
        xi = x[i]
        h0, h1 = p00 + p01 * xi, p01 + p11 * xi          # P H'
        s = h0 + h1 * xi + extra[i]
        e = z[i] - (m0 + m1 * xi)
        if i >= BURN_IN:
            loglik -= 0.5 * (math.log(2 * math.pi * s) + e * e / s)
            residuals[i] = e / math.sqrt(s)
        k0, k1 = h0 / s, h1 / s
        m0, m1 = m0 + k0 * e, m1 + k1 * e
        p00, p01, p11 = p00 - k0 * h0, p01 - k0 * h1, p11 - k1 * h1
        means[i] = (m0, m1)
        covs[i] = ((p00, p01), (p01, p11))
    return Path(t, means, covs, loglik, residuals, prior_mean, prior_cov)


def run_filters(z, v, x, t, hypers: list[Hyper]) -> list[Path]:
    """:func:`run_filter` for several hyper-parameter vectors at once (vectorised over them)."""
    z, v, t = (np.asarray(a, float) for a in (z, v, t))
    x = np.nan_to_num(np.asarray(x, float))
    k = len(hypers)
    q = np.exp([h.log_q for h in hypers])
    s2 = np.exp([h.log_s2 for h in hypers])
    start = float(np.mean(z[:BURN_IN])) if len(z) else 0.0
    m0, m1 = np.full(k, start), np.full(k, PRIOR_WEIGHT[0])
    p00, p01, p11 = np.full(k, PRIOR_LEVEL_VAR), np.zeros(k), np.full(k, PRIOR_WEIGHT[1])
    means, covs = np.empty((k, len(z), 2)), np.empty((k, len(z), 2, 2))
    loglik, residuals = np.zeros(k), np.full((k, len(z)), np.nan)
    last = t[0] if len(t) else 0.0
    for i in range(len(z)):
        p00 = p00 + q * max(t[i] - last, 0.0)
        last, xi = t[i], x[i]
        h0, h1 = p00 + p01 * xi, p01 + p11 * xi
        s = h0 + h1 * xi + s2 + v[i]
        e = z[i] - (m0 + m1 * xi)
        if i >= BURN_IN:
            loglik -= 0.5 * (np.log(2 * math.pi * s) + e * e / s)
            residuals[:, i] = e / np.sqrt(s)
        k0, k1 = h0 / s, h1 / s
        m0, m1 = m0 + k0 * e, m1 + k1 * e
        p00, p01, p11 = p00 - k0 * h0, p01 - k0 * h1, p11 - k1 * h1
        means[:, i, 0], means[:, i, 1] = m0, m1
        covs[:, i, 0, 0], covs[:, i, 0, 1], covs[:, i, 1, 0], covs[:, i, 1, 1] = p00, p01, p01, p11
    prior_mean, prior_cov = np.array([start, PRIOR_WEIGHT[0]]), np.diag([PRIOR_LEVEL_VAR, PRIOR_WEIGHT[1]])
    return [Path(t, means[j], covs[j], float(loglik[j]), residuals[j], prior_mean, prior_cov) for j in range(k)]
