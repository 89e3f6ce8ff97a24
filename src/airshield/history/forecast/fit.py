"""Calibration of one group and target: hyper-parameters by maximum likelihood on the training reports.

The fitted :class:`Link` holds the hyper-parameters, the standard error of the log over-dispersion
variance given the drift (curvature of the likelihood; by default the predictive draws log s2 from it
and keeps the drift at its estimate), the marginal standard error of the log drift variance (joint
Laplace approximation, for reports), optionally draws of whole hyper-parameter vectors from their
joint uncertainty (:mod:`.uncertainty`; each predictive draw then uses one vector), the centring of the
regressors (the simulated logit, the log of the raid's size and the type families' launch fractions,
:mod:`.mix`), the standardised training residuals and, for reports, the level and the weights of the
simulation, of the size and of each type family (posterior mean and standard deviation) at the last
training report. Only observations passed in (the training window) reach the fit.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import minimize

from airshield.history.forecast.kalman import Hyper, Path, filter_measured
from airshield.history.forecast.measurement import Measurement, Moments
from airshield.history.forecast.mix import MixTerms, mix_terms
from airshield.history.forecast.uncertainty import draw_vectors, hessian, laplace_cov

BOUNDS = ((-7.0, 3.0), (-14.0, 0.0))
START = (math.log(0.3), math.log(0.005))
DAY = pd.Timedelta(days=1)
NAN2 = (float("nan"),) * 2


@dataclass(frozen=True)
class Link:
    """A fitted calibration for one class group and one target share."""

    group: str
    target: str
    hyper: Hyper
    log_s2_se: float
    x_centre: float
    observations: int
    loglik: float
    residuals: np.ndarray = field(default_factory=lambda: np.empty(0), repr=False)
    state: tuple[float, float, float, float] = (float("nan"),) * 4
    log_q_se: float = float("nan")
    vectors: np.ndarray = field(default_factory=lambda: np.empty((0, 2)), repr=False)
    size_centre: float = 0.0
    size_state: tuple[float, float] = NAN2
    mix: MixTerms = MixTerms()
    mix_state: tuple[tuple[float, float], ...] = ()

    def hyper_draws(self) -> list[Hyper]:
        """The hyper-parameter vectors the predictive draws use (the fitted one if none were drawn)."""
        return [Hyper(*v) for v in self.vectors] if len(self.vectors) else [self.hyper]

    def to_dict(self) -> dict:
        return {"group": self.group, "target": self.target, "s2": math.exp(self.hyper.log_s2),
                "log_s2_se": self.log_s2_se, "log_q_se": self.log_q_se, "q_per_day": math.exp(self.hyper.log_q),
                "x_centre": self.x_centre, "observations": self.observations, "loglik": self.loglik,
                "level": self.state[0], "level_sd": self.state[1], "sim_weight": self.state[2],
                "sim_weight_sd": self.state[3], "log_size_centre": self.size_centre, "size_weight": self.size_state[0],
                "size_weight_sd": self.size_state[1],
                "mix_weights": {name: {"centre": c, "weight": w, "weight_sd": sd} for name, c, (w, sd)
                                in zip(self.mix.names, self.mix.centre, self.mix_state)}}


def days(times: pd.Series | pd.Timestamp, origin: pd.Timestamp) -> np.ndarray | float:
    """Time since ``origin`` [days]."""
    return (times - origin) / DAY


def link_arrays(table: pd.DataFrame, target: str, link: Link, origin: pd.Timestamp,
                moments: Moments | None = None) -> tuple:
    """The filter's inputs for the reports of ``table`` (one group, sorted by report time): the reports
    as binomial measurements (:class:`~.measurement.Measurement`, from the shared ``moments`` table
    when given), the centred regressors (simulated logit, log size, type families' fractions) and the
    report times [days]."""
    k, n = table[f"k_{target}"].to_numpy(float), table["n"].to_numpy(float)
    x = np.column_stack([table[f"x_{target}"].to_numpy(float) - link.x_centre, np.log(n) - link.size_centre,
                         link.mix.table(table["mix"])])
    return Measurement(k, n, moments), x, days(table["end"], origin)


def filter_tables(table: pd.DataFrame, target: str, hypers: list[Hyper], link: Link,
                  origin: pd.Timestamp, moments: Moments | None = None) -> list[Path]:
    """The filter over the observations of ``table`` under each of ``hypers`` (one vectorised pass)."""
    return filter_measured(*link_arrays(table, target, link, origin, moments), hypers)


def fit_link(table: pd.DataFrame, group: str, target: str, origin: pd.Timestamp, *, joint: bool = False,
             seed: int = 1, moments: Moments | None = None) -> Link:
    """Maximum-likelihood hyper-parameters for ``group`` / ``target`` on the training ``table``; with
    ``joint``, also draws of whole hyper-parameter vectors (reproducible with ``seed``); ``moments``: a
    table of the reports' binomial moments shared across fits (built here if None)."""
    rows = table[table["group"] == group]
    x = rows[f"x_{target}"].to_numpy(float)
    base = Link(group, target, Hyper(*START), 1.0, float(np.nanmean(x)) if np.isfinite(x).any() else 0.0,
                len(rows), float("nan"), size_centre=float(np.log(rows["n"].to_numpy(float)).mean()) if len(rows) else 0.0,
                mix=mix_terms(list(rows["mix"]), rows["n"].to_numpy(float)))
    if len(rows) < 8:
        return base
    arrays = link_arrays(rows, target, base, origin, moments)

    def nll(theta: np.ndarray) -> float:
        return -filter_measured(*arrays, [Hyper(*theta)])[0].loglik

    best = minimize(nll, np.array(START), method="L-BFGS-B", bounds=BOUNDS)
    path = filter_measured(*arrays, [Hyper(*best.x)])[0]
    mean, sd = path.mean[-1], np.sqrt(np.diag(path.cov[-1]))
    h = hessian(nll, best.x)
    cov = laplace_cov(h, best.x, BOUNDS)
    vectors = _joint_draws(arrays, best.x, cov, seed, group, target) if joint else np.empty((0, 2))
    return Link(group, target, Hyper(*best.x), _se(h[0, 0]), base.x_centre, len(rows), float(-best.fun),
                path.residuals[np.isfinite(path.residuals)], (float(mean[0]), float(sd[0]), float(mean[1]), float(sd[1])),
                float(math.sqrt(cov[1, 1])), vectors, base.size_centre, (float(mean[2]), float(sd[2])), base.mix,
                tuple((float(m), float(d)) for m, d in zip(mean[3:], sd[3:])))


def _joint_draws(arrays: tuple, theta: np.ndarray, cov: np.ndarray, seed: int, group: str, target: str) -> np.ndarray:
    """Hyper-parameter vectors (log s2, log q) from their flat-prior posterior (:mod:`.uncertainty`)."""
    def loglik(thetas: np.ndarray) -> np.ndarray:
        return np.array([p.loglik for p in filter_measured(*arrays, [Hyper(*t) for t in thetas])])

    rng = np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(f"{group}|{target}".encode())]))
    return draw_vectors(loglik, theta, cov, BOUNDS, rng)


def _se(curvature: float) -> float:
    """Standard error of log s2 given log q, from the curvature of the negative log-likelihood (1.0
    when there is none)."""
    return float(1.0 / math.sqrt(curvature)) if curvature > 1e-6 else 1.0
