"""Calibration of one group and target: hyper-parameters by maximum likelihood on the training reports.

The fitted :class:`Link` holds the hyper-parameters, the standard error of the log over-dispersion
variance given the drift (curvature of the likelihood; by default the predictive draws log s2 from it
and keeps the drift at its estimate), the marginal standard error of the log drift variance (joint
Laplace approximation, for reports), optionally draws of whole hyper-parameter vectors from their
joint uncertainty (:mod:`.uncertainty`; each predictive draw then uses one vector), the centring of the
simulated logits, the standardised training residuals and, for reports, the level and the weight
of the simulation (posterior mean and standard deviation) at the last training report. Only
observations passed in (the training window) reach the fit.
"""

from __future__ import annotations

import math
import zlib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import minimize

from airshield.history.forecast.kalman import Hyper, Path, run_filter, run_filters
from airshield.history.forecast.observations import elogit, elogit_var
from airshield.history.forecast.uncertainty import draw_vectors, hessian, laplace_cov

BOUNDS = ((-7.0, 3.0), (-14.0, 0.0))
START = (math.log(0.3), math.log(0.005))
DAY = pd.Timedelta(days=1)


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

    def hyper_draws(self) -> list[Hyper]:
        """The hyper-parameter vectors the predictive draws use (the fitted one if none were drawn)."""
        return [Hyper(*v) for v in self.vectors] if len(self.vectors) else [self.hyper]

    def to_dict(self) -> dict:
        return {"group": self.group, "target": self.target, "s2": math.exp(self.hyper.log_s2),
                "log_s2_se": self.log_s2_se, "log_q_se": self.log_q_se, "q_per_day": math.exp(self.hyper.log_q),
                "x_centre": self.x_centre, "observations": self.observations, "loglik": self.loglik,
                "level": self.state[0], "level_sd": self.state[1], "sim_weight": self.state[2],
                "sim_weight_sd": self.state[3]}


def days(times: pd.Series | pd.Timestamp, origin: pd.Timestamp) -> np.ndarray | float:
    """Time since ``origin`` [days]."""
    return (times - origin) / DAY


def filter_table(table: pd.DataFrame, target: str, hyper: Hyper, x_centre: float, origin: pd.Timestamp) -> Path:
    """Run the filter over the observations of ``table`` (one group, sorted by report time)."""
    k, n = table[f"k_{target}"].to_numpy(float), table["n"].to_numpy(float)
    x = table[f"x_{target}"].to_numpy(float) - x_centre
    return run_filter(elogit(k, n), elogit_var(k, n), x, days(table["end"], origin), hyper)


def filter_tables(table: pd.DataFrame, target: str, hypers: list[Hyper], x_centre: float,
                  origin: pd.Timestamp) -> list[Path]:
    """:func:`filter_table` under each of ``hypers`` (one vectorised pass)."""
    k, n = table[f"k_{target}"].to_numpy(float), table["n"].to_numpy(float)
    x = table[f"x_{target}"].to_numpy(float) - x_centre
    return run_filters(elogit(k, n), elogit_var(k, n), x, days(table["end"], origin), hypers)


def fit_link(table: pd.DataFrame, group: str, target: str, origin: pd.Timestamp, *, joint: bool = False,
             seed: int = 1) -> Link:
    """Maximum-likelihood hyper-parameters for ``group`` / ``target`` on the training ``table``; with
    ``joint``, also draws of whole hyper-parameter vectors (reproducible with ``seed``)."""
    rows = table[table["group"] == group]
    x = rows[f"x_{target}"].to_numpy(float)
    centre = float(np.nanmean(x)) if np.isfinite(x).any() else 0.0

    def nll(theta: np.ndarray) -> float:
        return -filter_table(rows, target, Hyper(*theta), centre, origin).loglik

    if len(rows) < 8:
        return Link(group, target, Hyper(*START), 1.0, centre, len(rows), float("nan"))
    best = minimize(nll, np.array(START), method="L-BFGS-B", bounds=BOUNDS)
    hyper = Hyper(*best.x)
    path = filter_table(rows, target, hyper, centre, origin)
    residuals = path.residuals[np.isfinite(path.residuals)]
    state = (path.mean[-1, 0], math.sqrt(path.cov[-1, 0, 0]), path.mean[-1, 1], math.sqrt(path.cov[-1, 1, 1]))
    h = hessian(nll, best.x)
    cov = laplace_cov(h, best.x, BOUNDS)
    vectors = _joint_draws(rows, target, centre, origin, best.x, cov, seed, group) if joint else np.empty((0, 2))
    return Link(group, target, hyper, _se(h[0, 0]), centre, len(rows), float(-best.fun), residuals,
                tuple(float(v) for v in state), float(math.sqrt(cov[1, 1])), vectors)


def _joint_draws(rows: pd.DataFrame, target: str, centre: float, origin: pd.Timestamp, theta: np.ndarray,
                 cov: np.ndarray, seed: int, group: str) -> np.ndarray:
    """Hyper-parameter vectors (log s2, log q) from their flat-prior posterior (:mod:`.uncertainty`)."""
    def loglik(thetas: np.ndarray) -> np.ndarray:
        return np.array([p.loglik for p in filter_tables(rows, target, [Hyper(*t) for t in thetas], centre, origin)])

    rng = np.random.default_rng(np.random.SeedSequence([seed, zlib.crc32(f"{group}|{target}".encode())]))
    return draw_vectors(loglik, theta, cov, BOUNDS, rng)


def _se(curvature: float) -> float:
    """Standard error of log s2 given log q, from the curvature of the negative log-likelihood (1.0
    when there is none)."""
    return float(1.0 / math.sqrt(curvature)) if curvature > 1e-6 else 1.0
