"""Predictive draws of a raid's share, carrying the three uncertainties.

Per draw: the parameters (level and the weights of the simulation, of the raid's log size and of its
type families' launch fractions from the filter's posterior; by default the
over-dispersion variance from its Laplace approximation with the drift variance at its estimate; with
joint parameter uncertainty, a whole hyper-parameter vector (over-dispersion and drift variances,
:mod:`.uncertainty`) in turn, and the level and weights from the filter run under that vector), the
simulation's randomness (one of the raid's simulated replications), the raid's own deviation on the
logit scale (the over-dispersion
variance times a standardised one-step-ahead residual of the training reports, drawn from their
empirical distribution, so that heavy tails seen in training carry over) and the binomial count of
the reported share.
"""

from __future__ import annotations

import zlib

import numpy as np
from scipy.special import expit

from airshield.history.forecast.fit import Link
from airshield.history.forecast.kalman import Hyper

DRAWS = 1000


def draw_seed(seed: int, raid_id: str, group: str, target: str) -> np.random.SeedSequence:
    """The draws' own seed sequence: reproducible, independent of the order raids are predicted in."""
    return np.random.SeedSequence([seed, zlib.crc32(f"{raid_id}|{group}|{target}".encode())])


def draw_shares(states: list[tuple[np.ndarray, np.ndarray]], hypers: list[Hyper], sim_logits: np.ndarray, n: float,
                link: Link, rng: np.random.Generator, draws: int = DRAWS, mix: dict | None = None) -> np.ndarray:
    """``draws`` predictive shares [-] of a raid of ``n`` launched (see module docstring); ``states``
    holds the predicted state (mean, covariance) under each hyper-parameter vector of ``hypers``; ``mix``
    the raid's type -> launch fraction within the group (:mod:`.mix`)."""
    which = np.arange(draws) % len(hypers)
    state = _state_draws(states, which, rng)
    x = rng.choice(sim_logits, size=draws) - link.x_centre if len(sim_logits) else np.zeros(draws)
    var = np.exp(_log_s2(link, hypers, which, rng))
    mean = state[:, 0] + state[:, 1] * x + state[:, 2] * (np.log(max(n, 1.0)) - link.size_centre)
    if link.mix.families:
        mean = mean + state[:, 3:] @ link.mix.regressors(mix or {})
    p = expit(mean + _shape(link, rng, draws) * np.sqrt(var))
    count = max(int(round(n)), 1)
    return rng.binomial(count, p) / count


def _state_draws(states, which: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """State (level, weights) [logit] per draw (draws, d), from the state of the draw's hyper-parameter vector."""
    out = np.empty((len(which), len(states[0][0])))
    for k, (mean, cov) in enumerate(states):
        chosen = which == k
        out[chosen] = rng.multivariate_normal(mean, _psd(cov), size=int(chosen.sum()), method="cholesky")
    return out


def _log_s2(link: Link, hypers: list[Hyper], which: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Log over-dispersion variance per draw: the draw's hyper-parameter vector's when the link has
    drawn vectors, else from the normal approximation around the estimate (drift held fixed)."""
    if len(link.vectors):
        return np.array([h.log_s2 for h in hypers])[which]
    return rng.normal(link.hyper.log_s2, link.log_s2_se, size=len(which))


def _shape(link: Link, rng: np.random.Generator, draws: int) -> np.ndarray:
    """Standard raid effects: the training residuals' empirical distribution (normal if too few)."""
    if len(link.residuals) >= 30:
        return rng.choice(link.residuals, size=draws)
    return rng.normal(0.0, 1.0, size=draws)


def _psd(cov: np.ndarray) -> np.ndarray:
    """A symmetric positive-definite copy of ``cov`` (tiny jitter against round-off)."""
    sym = 0.5 * (cov + cov.T)
    return sym + np.eye(len(sym)) * 1e-9
