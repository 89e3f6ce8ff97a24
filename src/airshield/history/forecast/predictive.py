"""Predictive draws of a raid's share, carrying the three uncertainties.

Per draw: the parameters (level and simulation weight from the filter's posterior; the
over-dispersion variance from its Laplace approximation), the simulation's randomness (one of the
raid's simulated replications), the raid's own deviation on the logit scale (the over-dispersion
variance times a standardised one-step-ahead residual of the training reports, drawn from their
empirical distribution, so that heavy tails seen in training carry over) and the binomial count of
the reported share.
"""

from __future__ import annotations

import zlib

import numpy as np
from scipy.special import expit

from airshield.history.forecast.fit import Link

DRAWS = 1000


def draw_seed(seed: int, raid_id: str, group: str, target: str) -> np.random.SeedSequence:
    """The draws' own seed sequence: reproducible, independent of the order raids are predicted in."""
    return np.random.SeedSequence([seed, zlib.crc32(f"{raid_id}|{group}|{target}".encode())])


def draw_shares(mean: np.ndarray, cov: np.ndarray, sim_logits: np.ndarray, n: float, link: Link,
                rng: np.random.Generator, draws: int = DRAWS) -> np.ndarray:
    """``draws`` predictive shares [-] of a raid of ``n`` launched (see module docstring)."""
    state = rng.multivariate_normal(mean, _psd(cov), size=draws, method="cholesky")
    x = rng.choice(sim_logits, size=draws) - link.x_centre if len(sim_logits) else np.zeros(draws)
    log_s2 = rng.normal(link.hyper.log_s2, link.log_s2_se, size=draws)
    var = np.exp(log_s2)
    p = expit(state[:, 0] + state[:, 1] * x + _shape(link, rng, draws) * np.sqrt(var))
    count = max(int(round(n)), 1)
    return rng.binomial(count, p) / count


def _shape(link: Link, rng: np.random.Generator, draws: int) -> np.ndarray:
    """Standard raid effects: the training residuals' empirical distribution (normal if too few)."""
    if len(link.residuals) >= 30:
        return rng.choice(link.residuals, size=draws)
    return rng.normal(0.0, 1.0, size=draws)


def _psd(cov: np.ndarray) -> np.ndarray:
    """A symmetric positive-definite copy of ``cov`` (tiny jitter against round-off)."""
    sym = 0.5 * (cov + cov.T)
    return sym + np.eye(len(sym)) * 1e-9
