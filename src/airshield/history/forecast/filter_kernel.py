"""The Kalman filter's loop, compiled: all hyper-parameter vectors, all reports, one pass.

Same algebra as the reference :func:`airshield.history.forecast.kalman.run_filter` (which tests compare
against), for K hyper-parameter vectors at once. A report is either given (value ``z``, variance ``v``)
or, when ``table`` has rows, a binomial report linearised at the predicted logit share by linear
interpolation in its row of ``table`` (``(sizes, 3, G)``: mean empirical logit, inverse slope, working
variance on the logit grid ``grid_start + j * grid_step``; :class:`~.measurement.Measurement`).
"""

from __future__ import annotations

import math

import numba
import numpy as np


@numba.njit(cache=True)
def _measure(i, eta, z, v, row, table, grid_start, grid_step):
    """Value and variance [-] of report ``i`` at predicted logit share ``eta``."""
    if table.shape[0] == 0:
        return z[i], v[i]
    g = table.shape[2]
    u = min(max((eta - grid_start) / grid_step, 0.0), g - 1.000001)
    j = int(u)
    f = u - j
    r = row[i]
    mean = table[r, 0, j] * (1.0 - f) + table[r, 0, j + 1] * f
    inverse_slope = table[r, 1, j] * (1.0 - f) + table[r, 1, j + 1] * f
    var = table[r, 2, j] * (1.0 - f) + table[r, 2, j + 1] * f
    return eta + (z[i] - mean) * inverse_slope, var


@numba.njit(cache=True)
def filter_loop(z, v, row, table, grid_start, grid_step, h, gap, q, s2, prior_mean, prior_cov, burn_in):
    """Means (K, N, d), covariances (K, N, d, d), log-likelihoods (K,) and standardised residuals (K, N)
    of the filter under K (drift ``q`` [1/day], over-dispersion ``s2`` [-]) vectors; ``h`` (N, d)
    observation rows (1, regressors), ``gap`` (N,) days since the previous report."""
    k, n, d = len(q), h.shape[0], h.shape[1]
    means, covs = np.empty((k, n, d)), np.empty((k, n, d, d))
    loglik, residuals = np.zeros(k), np.full((k, n), np.nan)
    mean, cov, ph = np.empty(d), np.empty((d, d)), np.empty(d)
    for a in range(k):
        mean[:] = prior_mean
        cov[:, :] = prior_cov
        for i in range(n):
            cov[0, 0] += q[a] * gap[i]
            eta = 0.0
            for r in range(d):
                eta += mean[r] * h[i, r]
                acc = 0.0
                for c in range(d):
                    acc += cov[r, c] * h[i, c]
                ph[r] = acc
            zi, vi = _measure(i, eta, z, v, row, table, grid_start, grid_step)
            s = s2[a] + vi
            for r in range(d):
                s += ph[r] * h[i, r]
            e = zi - eta
            if i >= burn_in:
                loglik[a] -= 0.5 * (math.log(2 * math.pi * s) + e * e / s)
                residuals[a, i] = e / math.sqrt(s)
            for r in range(d):
                mean[r] += ph[r] / s * e
            for r in range(d):
                for c in range(d):
                    cov[r, c] -= (ph[r] / s) * ph[c]
            means[a, i] = mean
            covs[a, i] = cov
    return means, covs, loglik, residuals
