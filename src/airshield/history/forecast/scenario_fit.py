"""Calibrate a scenario itself (not the statistical link) so that its simulated shares match the records.

One kill-probability multiplier per class group is fitted on the launch-weighted squared error of the
neutralised share (as reported: :func:`airshield.history.forecast.simulate.reported_counts`), all
groups moving together along one grid (one simulation per grid point and raid serves every group);
the optimum is refined by a parabola and its 90 % interval comes from a bootstrap over raids.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from airshield.history.calibrate import Case, grid_argmin
from airshield.history.forecast.dated import DatedDefence
from airshield.history.forecast.simulate import SimTask, simulate_raids

GRID = (0.15, 0.25, 0.4, 0.7, 1.0, 1.4)
BOOTSTRAP = 300


@dataclass(frozen=True)
class Multiplier:
    """A fitted multiplier [-], its bootstrap 90 % interval, its status, and the raids that informed it."""

    group: str
    value: float
    ci90: tuple[float, float]
    raids: tuple[str, ...]
    status: str = "fitted"


def fit_multipliers(cases: Sequence[Case], defence: DatedDefence, groups: Sequence[str], *, replications: int = 1,
                    seed: int = 1, backend=None) -> dict[str, Multiplier]:
    """Per group: the pk multiplier that best reproduces the reported neutralised shares of ``cases``."""
    shares = np.full((len(GRID), len(cases), len(groups)), np.nan)
    for g, m in enumerate(GRID):
        params = replace(defence.params, pk_drone=m, pk_cruise=m, pk_ballistic=m)
        tasks = [SimTask(c.spec, DatedDefence(defence.laydown, params), replications, seed) for c in cases]
        sims = simulate_raids(tasks, backend)
        for r, case in enumerate(cases):
            for k, group in enumerate(groups):
                counts = sims[case.spec.id].counts.get(group)
                if counts is not None and counts[:, 0].sum() > 0:
                    shares[g, r, k] = (counts[:, 1] + counts[:, 2]).sum() / counts[:, 0].sum()
    return {group: _fit(group, shares[:, :, k], cases) for k, group in enumerate(groups)}


def _fit(group: str, simulated: np.ndarray, cases: Sequence[Case]) -> Multiplier:
    informed = [r for r, c in enumerate(cases) if group in c.reported.index and np.isfinite(simulated[:, r]).all()]
    reported = np.array([cases[r].reported.loc[group, "neutralised"] for r in informed])
    weights = np.array([cases[r].reported.loc[group, "launched"] for r in informed], dtype=float)
    errors = (simulated[:, informed] - reported[None, :]) ** 2
    value = grid_argmin(GRID, errors, weights)
    rng = np.random.default_rng(0)
    draws = [grid_argmin(GRID, errors[:, pick], weights[pick]) for pick in
             (rng.integers(0, len(informed), len(informed)) for _ in range(BOOTSTRAP))]
    return Multiplier(group, value, (float(np.percentile(draws, 5)), float(np.percentile(draws, 95))),
                      tuple(cases[r].spec.id for r in informed), _status(value, errors @ weights))


def _status(value: float, loss: np.ndarray) -> str:
    """'fitted', or why the value should not be trusted."""
    if loss.max() - loss.min() < 0.05 * max(loss.max(), 1e-12):
        return "not identified: the error barely changes over the grid"
    if value <= GRID[0] + 1e-9 or value >= GRID[-1] - 1e-9:
        return "at the edge of the grid: the true value may lie beyond it"
    return "fitted"
