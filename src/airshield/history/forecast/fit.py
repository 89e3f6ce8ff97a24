"""Calibration of one group and target: hyper-parameters by maximum likelihood on the training reports.

The fitted :class:`Link` holds the hyper-parameters, the standard error of the log over-dispersion
variance (Laplace approximation, used to draw it per predictive draw), the centring of the
simulated logits, the standardised training residuals and, for reports, the level and the weight
of the simulation (posterior mean and standard deviation) at the last training report. Only
observations passed in (the training window) reach the fit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.optimize import minimize

from airshield.history.forecast.kalman import Hyper, Path, run_filter
from airshield.history.forecast.observations import elogit, elogit_var

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

    def to_dict(self) -> dict:
        return {"group": self.group, "target": self.target, "s2": math.exp(self.hyper.log_s2),
                "log_s2_se": self.log_s2_se, "q_per_day": math.exp(self.hyper.log_q),
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


def fit_link(table: pd.DataFrame, group: str, target: str, origin: pd.Timestamp) -> Link:
    """Maximum-likelihood hyper-parameters for ``group`` / ``target`` on the training ``table``."""
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
    return Link(group, target, hyper, _laplace_se(nll, best.x), centre, len(rows), float(-best.fun), residuals,
                tuple(float(v) for v in state))


def _laplace_se(nll, theta: np.ndarray, step: float = 0.15) -> float:
    """Standard error of log s2 from the curvature of the negative log-likelihood."""
    up, down = theta.copy(), theta.copy()
    up[0] += step
    down[0] -= step
    curvature = (nll(up) - 2 * nll(theta) + nll(down)) / step**2
    return float(1.0 / math.sqrt(curvature)) if curvature > 1e-6 else 1.0
