"""Uncertainty of the fitted hyper-parameters, carried into the predictive as draws of whole vectors.

The hyper-parameters theta = (log s2, log q) (log over-dispersion variance [-], log drift variance per
day [1/day]) are fitted by maximum likelihood inside box bounds. Their joint uncertainty is the
posterior under a flat prior on the box: a joint Laplace approximation (inverse Hessian of the negative
log-likelihood at the optimum, by central finite differences) proposes vectors, truncated to the box,
and sampling-importance-resampling by the exact likelihood corrects the proposal where the likelihood
is far from normal (a variance near zero, a flat direction). Coordinates fitted at a bound, or without
curvature, get a proposal as wide as the box, so the likelihood alone decides there.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

PROPOSALS = 200
VECTORS = 40
STEP = 0.15


def hessian(nll: Callable[[np.ndarray], float], theta: np.ndarray, step: float = STEP) -> np.ndarray:
    """Central finite-difference Hessian of ``nll`` at ``theta`` (log-parameters, [-])."""
    k = len(theta)
    h = np.empty((k, k))
    f0 = nll(theta)
    for i in range(k):
        for j in range(i, k):
            if i == j:
                up, down = theta.copy(), theta.copy()
                up[i] += step
                down[i] -= step
                h[i, i] = (nll(up) - 2 * f0 + nll(down)) / step**2
                continue
            corners = [theta + step * (si * np.eye(k)[i] + sj * np.eye(k)[j]) for si in (1, -1) for sj in (1, -1)]
            pp, pm, mp, mm = (nll(c) for c in corners)
            h[i, j] = h[j, i] = (pp - pm - mp + mm) / (4 * step**2)
    return h


def laplace_cov(h: np.ndarray, theta: np.ndarray, bounds) -> np.ndarray:
    """Proposal covariance of the log-parameters: the inverse Hessian over the coordinates that are
    inside the bounds with positive curvature; the others independent with an sd of the box width."""
    lows, highs = np.array(bounds, float).T
    width = highs - lows
    free = (theta > lows + 1e-3) & (theta < highs - 1e-3) & (np.diag(h) > 1e-6)
    cov = np.diag(width**2)
    sub = h[np.ix_(free, free)]
    if free.any() and np.all(np.linalg.eigvalsh(sub) > 1e-6):
        cov[np.ix_(free, free)] = np.linalg.inv(sub)
    else:
        cov[free, free] = np.where(np.diag(h)[free] > 1e-6, 1.0 / np.maximum(np.diag(h)[free], 1e-6), width[free]**2)
    return cov


def draw_vectors(loglik: Callable[[np.ndarray], np.ndarray], theta: np.ndarray, cov: np.ndarray, bounds,
                 rng: np.random.Generator, proposals: int = PROPOSALS, vectors: int = VECTORS) -> np.ndarray:
    """``vectors`` log-parameter vectors (rows) from the flat-prior posterior on the box, by
    importance resampling of ``proposals`` truncated-normal draws around ``theta``; ``loglik`` maps
    rows of log-parameters to their log-likelihoods."""
    lows, highs = np.array(bounds, float).T
    props = _truncated_normal(theta, cov, lows, highs, rng, proposals)
    log_target = np.asarray(loglik(props), float)
    diff = props - theta
    log_proposal = -0.5 * np.einsum("ij,jk,ik->i", diff, np.linalg.inv(cov), diff)
    log_w = log_target - log_proposal
    w = np.exp(log_w - log_w.max())
    return props[rng.choice(proposals, size=vectors, p=w / w.sum())]


def _truncated_normal(mean: np.ndarray, cov: np.ndarray, lows: np.ndarray, highs: np.ndarray,
                      rng: np.random.Generator, size: int) -> np.ndarray:
    """``size`` draws of N(mean, cov) inside the box (rejection; the last misses are clipped)."""
    kept = np.empty((0, len(mean)))
    for _ in range(50):
        draws = rng.multivariate_normal(mean, cov, size=size, method="eigh")
        kept = np.vstack([kept, draws[np.all((draws >= lows) & (draws <= highs), axis=1)]])
        if len(kept) >= size:
            return kept[:size]
    extra = rng.multivariate_normal(mean, cov, size=size - len(kept), method="eigh")
    return np.vstack([kept, np.clip(extra, lows, highs)])
