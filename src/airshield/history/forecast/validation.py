"""Rolling-origin validation: simulate every raid once against its date's defence, then forecast.

The API behind ``airshield history validate --rolling MONTHS``: the simulation's prediction of each
raid (its mix, counts, launch places, targets and date, :mod:`airshield.history.spec`) enters a
calibrated statistical link (:mod:`.kalman`, :mod:`.fit`) that is refitted every ``months`` on the
reports made before; predictions and both baselines are scored with MAE, CRPS and coverage.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from airshield.history.calibrate import Case
from airshield.history.forecast.dated import DatedDefence, dated_defence
from airshield.history.forecast.epochs import Epochs
from airshield.history.forecast.observations import observation_table
from airshield.history.forecast.rolling import RollingSettings, Step, rolling_forecast
from airshield.history.forecast.simulate import RaidSim, SimTask, simulate_raids
from airshield.history.forecast.summary import score_rolling
from airshield.history.replay import Laydown


@dataclass(frozen=True)
class RollingValidation:
    """Per (test raid, group) predictions and baselines, scores, calibration steps, timings."""

    rows: pd.DataFrame
    scores: dict
    steps: list[Step]
    timing: dict
    settings: RollingSettings
    table: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)

    def to_dict(self) -> dict:
        return {"classes": self.scores, "calibration": {"steps": [s.to_dict() for s in self.steps]},
                "test_raids": int(self.rows["raid"].nunique()) if len(self.rows) else 0,
                "rolling": {"months": self.settings.months, "train_days": self.settings.train_days,
                            "draws": self.settings.draws, "level_updates": self.settings.level_updates,
                            "parameters": self.settings.parameters},
                "timing": self.timing}


def rolling_validation(history: Sequence[Case], test: Sequence[Case], base: Laydown, epochs: Epochs, *,
                       settings: RollingSettings, replications: int, test_from: pd.Timestamp | None = None,
                       backend=None, progress: Callable[[int, int], None] | None = None,
                       cache: Path | None = None) -> RollingValidation:
    """Forecast every ``test`` case from ``history`` (every recorded raid; outcomes used only when
    reported before the predicted raid) with the simulation of each raid's date's defence. Steps start
    on the first of the month of ``test_from`` (default: of the first test raid)."""
    start = time.perf_counter()
    if not test:
        return RollingValidation(pd.DataFrame(), {}, [], {}, settings)
    first_step = (test_from or min(c.spec.start for c in test)).to_period("M").start_time
    simulated = [c for c in history if c.spec.start >= first_step - pd.Timedelta(days=settings.train_days)]
    sims = simulate_raids(sim_tasks(simulated, base, epochs, replications, settings.seed), backend, progress, cache)
    simulation_s = time.perf_counter() - start
    table = observation_table(history, sims)
    ids = {c.spec.id for c in test}
    rows, steps = rolling_forecast(table, table[table["raid"].isin(ids)], settings, first=first_step)
    timing = _timing(sims, simulation_s, time.perf_counter() - start, replications)
    return RollingValidation(rows, score_rolling(rows) if len(rows) else {}, steps, timing, settings, table)


def sim_tasks(cases: Sequence[Case], base: Laydown, epochs: Epochs, replications: int, seed: int) -> list[SimTask]:
    """One task per case, against the defence of the epoch in force at its start."""
    defences: dict[tuple, DatedDefence] = {}
    tasks = []
    for case in cases:
        state = epochs.at(case.spec.start)
        key = tuple(sorted(state.items()))
        if key not in defences:
            defences[key] = dated_defence(base, state)
        tasks.append(SimTask(case.spec, defences[key], replications, seed))
    return tasks


def _timing(sims: dict[str, RaidSim], simulation_s: float, total_s: float, replications: int) -> dict:
    per_raid = np.array([s.seconds for s in sims.values()])
    return {"raids_simulated": len(sims), "replications_per_raid": replications,
            "simulation_wall_s": round(simulation_s, 1), "total_wall_s": round(total_s, 1),
            "per_raid_wall_s_mean": round(float(per_raid.mean()), 3) if len(per_raid) else None,
            "per_raid_wall_s_max": round(float(per_raid.max()), 3) if len(per_raid) else None}
