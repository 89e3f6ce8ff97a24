"""Calibration: fit the named free parameters so that replayed raids match the records.

Stage 1 fits one kill-probability multiplier per class group (drone, cruise, ballistic) on the
launch-weighted squared error of the neutralised share; all groups move together along one grid
(one simulation per grid point and raid serves all three, assuming the groups' outcomes depend
mainly on their own multiplier). Stage 2 fits the EW loss probability of drones on their reported
EW-lost share, where the records report it. The optimum is refined by a parabola through the
best grid point and its neighbours; its uncertainty comes from a bootstrap over raids. A
parameter whose error curve is flat, or whose optimum sits at the edge of its grid, or that no
raid informs, is reported as not identified.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from airshield.history.params import ReplayParams
from airshield.history.predict import GROUPS, predict
from airshield.history.replay import Laydown
from airshield.history.spec import RaidSpec

PK_GRID = (0.3, 0.5, 0.7, 0.85, 1.0, 1.15, 1.3, 1.6, 2.0)
EW_GRID = (0.0, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0)
USABLE = ("fitted", "at the edge")
BOOTSTRAP = 300


@dataclass(frozen=True)
class Case:
    """A raid to fit: its spec (inputs) and its reported shares per group (outcome)."""

    spec: RaidSpec
    reported: pd.DataFrame


@dataclass(frozen=True)
class Estimate:
    """A fitted parameter: value, bootstrap standard error and 90 % interval, and its status."""

    name: str
    value: float
    std: float | None
    ci90: tuple[float, float] | None
    status: str
    raids: int


@dataclass(frozen=True)
class Calibration:
    """Fitted parameters, their estimates, and the error curves over the grids."""

    params: ReplayParams
    estimates: tuple[Estimate, ...]
    curves: pd.DataFrame

    def to_dict(self) -> dict:
        return {"params": self.params.as_dict(),
                "estimates": {e.name: {"value": e.value, "std": e.std, "ci90": e.ci90, "status": e.status,
                                       "raids": e.raids} for e in self.estimates}}


def calibrate(cases: Sequence[Case], laydown: Laydown, *, replications: int = 1, seed: int = 1,
              start: ReplayParams | None = None, backend=None,
              progress: Callable[[int, int], None] | None = None) -> Calibration:
    """Fit pk multipliers per group, then the drones' EW loss probability, on ``cases``."""
    start = start or ReplayParams()
    total = len(cases) * (len(PK_GRID) + len(EW_GRID))
    counter = _Counter(progress, total)
    pk_sims = _simulate(cases, laydown, [replace(start, pk_drone=m, pk_cruise=m, pk_ballistic=m) for m in PK_GRID],
                        replications, seed, backend, counter)
    estimates, fitted = [], {}
    for group in GROUPS:
        estimate = _fit(f"pk_{group}", PK_GRID, pk_sims, cases, group, "neutralised")
        estimates.append(estimate)
        fitted[f"pk_{group}"] = estimate.value if estimate.status.startswith(USABLE) else 1.0
    params = replace(start, **fitted)
    ew_sims = _simulate(cases, laydown, [replace(params, ew_drone=p) for p in EW_GRID], replications, seed, backend,
                        counter)
    ew = _fit("ew_drone", EW_GRID, ew_sims, cases, "drone", "ew_lost")
    estimates.append(ew)
    if ew.status.startswith(USABLE):
        params = replace(params, ew_drone=ew.value)
    estimates.append(Estimate("decoy_share", params.decoy_share, None, None,
                              "not identified: the records do not separate decoys from attack drones", 0))
    curves = pd.concat([_curve("pk", PK_GRID, pk_sims, cases), _curve("ew_drone", EW_GRID, ew_sims, cases)])
    return Calibration(params, tuple(estimates), curves)


class _Counter:
    def __init__(self, callback, total):
        self.callback, self.total, self.done = callback, total, 0

    def tick(self) -> None:
        self.done += 1
        if self.callback:
            self.callback(self.done, self.total)


def _simulate(cases, laydown, grid_params, replications, seed, backend, counter) -> list[list[pd.DataFrame]]:
    """sims[g][r]: predicted shares of case r under grid point g."""
    sims = []
    for params in grid_params:
        row = []
        for case in cases:
            row.append(predict(case.spec, laydown, params, replications=replications, seed=seed, backend=backend).table)
            counter.tick()
        sims.append(row)
    return sims


def _errors(sims, cases, group: str, share: str) -> tuple[np.ndarray, np.ndarray]:
    """Squared errors (grid x raids) and launch weights (raids) for one group and share."""
    informative = [r for r, case in enumerate(cases) if group in case.reported.index
                   and (share != "ew_lost" or case.reported.loc[group, "ew_lost"] > 0)]
    errors = np.full((len(sims), len(informative)), np.nan)
    weights = np.array([cases[r].reported.loc[group, "launched"] for r in informative], dtype=float)
    for g, row in enumerate(sims):
        for k, r in enumerate(informative):
            simulated = row[r]
            if group in simulated.index:
                errors[g, k] = (simulated.loc[group, share] - cases[r].reported.loc[group, share]) ** 2
    return errors, weights


def _fit(name: str, grid: Sequence[float], sims, cases, group: str, share: str) -> Estimate:
    errors, weights = _errors(sims, cases, group, share)
    if errors.shape[1] == 0 or np.isnan(errors).all():
        return Estimate(name, float("nan"), None, None, "not identified: no raid in the period informs it", 0)
    value = grid_argmin(grid, errors, weights)
    rng = np.random.default_rng(0)
    draws = [grid_argmin(grid, errors[:, pick], weights[pick])
             for pick in (rng.integers(0, errors.shape[1], errors.shape[1]) for _ in range(BOOTSTRAP))]
    draws = np.array([d for d in draws if np.isfinite(d)])
    loss = _loss(errors, weights)
    status = "fitted"
    if np.nanmax(loss) - np.nanmin(loss) < 0.05 * max(np.nanmax(loss), 1e-12):
        status = "not identified: the error barely changes over the grid"
    elif value <= grid[0] + 1e-9 or value >= grid[-1] - 1e-9:
        status = "at the edge of the grid: the true value may lie beyond it"
    ci = (float(np.percentile(draws, 5)), float(np.percentile(draws, 95))) if len(draws) else None
    return Estimate(name, float(value), float(np.std(draws)) if len(draws) else None, ci, status, errors.shape[1])


def _loss(errors: np.ndarray, weights: np.ndarray) -> np.ndarray:
    masked = np.where(np.isnan(errors), 0.0, errors)
    used = np.where(np.isnan(errors), 0.0, weights[None, :])
    return (masked * weights[None, :]).sum(axis=1) / np.maximum(used.sum(axis=1), 1e-12)


def grid_argmin(grid: Sequence[float], errors: np.ndarray, weights: np.ndarray) -> float:
    """Grid minimiser of the weighted loss, refined by a parabola through its neighbours."""
    loss = _loss(errors, weights)
    best = int(np.nanargmin(loss))
    if 0 < best < len(grid) - 1:
        x, y = np.array(grid[best - 1:best + 2]), loss[best - 1:best + 2]
        a, b, _ = np.polyfit(x, y, 2)
        if a > 0:
            return float(np.clip(-b / (2 * a), x[0], x[2]))
    return float(grid[best])


def _curve(name: str, grid, sims, cases) -> pd.DataFrame:
    rows = []
    for group in GROUPS:
        share = "ew_lost" if name == "ew_drone" else "neutralised"
        if name == "ew_drone" and group != "drone":
            continue
        errors, weights = _errors(sims, cases, group, share)
        if errors.shape[1]:
            rows.extend({"parameter": name, "group": group, "value": v, "loss": float(l)}
                        for v, l in zip(grid, _loss(errors, weights)))
    return pd.DataFrame(rows)
