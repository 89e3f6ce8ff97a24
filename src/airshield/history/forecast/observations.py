"""One row per (recorded raid, class group): reported counts and the simulation's prediction.

Shares enter the statistics on the logit scale: the simulated replications as empirical logits
(:func:`~.measurement.elogit`), the reports through :class:`~.measurement.Measurement`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from airshield.history.calibrate import Case
from airshield.history.forecast.measurement import elogit
from airshield.history.forecast.mix import group_mix
from airshield.history.forecast.simulate import RaidSim

TARGETS = ("neutralised", "destroyed")
COLUMNS = ("raid", "group", "start", "end", "n", "k_neutralised", "k_destroyed", "rep_destroyed", "rep_ew_lost",
           "rep_neutralised", "x_neutralised", "x_destroyed", "reps_neutralised", "reps_destroyed", "sim_neutralised", "mix")


def observation_table(cases: Sequence[Case], sims: dict[str, RaidSim]) -> pd.DataFrame:
    """Reported counts and simulated logits per (raid, group), sorted by report time (end)."""
    rows = []
    for case in cases:
        sim = sims.get(case.spec.id)
        end = case.spec.start + pd.Timedelta(hours=case.spec.hours)
        mixes = group_mix(case.spec.rows)
        for group, reported in case.reported.iterrows():
            n = float(reported["launched"])
            if n <= 0:
                continue
            shares = {k: float(np.clip(reported[k], 0.0, 1.0)) for k in ("destroyed", "ew_lost", "neutralised")}
            reps = _sim_logits(sim, group)
            rows.append({"raid": case.spec.id, "group": group, "start": case.spec.start, "end": end, "n": n,
                         "k_neutralised": round(shares["neutralised"] * n), "k_destroyed": round(shares["destroyed"] * n),
                         **{f"rep_{k}": v for k, v in shares.items()},
                         "x_neutralised": _mean(reps["neutralised"]), "x_destroyed": _mean(reps["destroyed"]),
                         "reps_neutralised": reps["neutralised"], "reps_destroyed": reps["destroyed"],
                         "sim_neutralised": _sim_share(sim, group), "mix": mixes.get(group, {})})
    table = pd.DataFrame(rows, columns=list(COLUMNS))
    return table.sort_values(["end", "start", "raid", "group"], kind="stable").reset_index(drop=True)


def _sim_logits(sim: RaidSim | None, group: str) -> dict[str, np.ndarray]:
    """Per replication: empirical logits of the simulated neutralised and destroyed shares."""
    if sim is None or group not in sim.counts or sim.counts[group][:, 0].max(initial=0) <= 0:
        return {"neutralised": np.empty(0), "destroyed": np.empty(0)}
    counts = sim.counts[group]
    counts = counts[counts[:, 0] > 0]
    n, destroyed, lost = counts[:, 0], counts[:, 1], counts[:, 2]
    return {"neutralised": elogit(np.minimum(destroyed + lost, n), n), "destroyed": elogit(destroyed, n)}


def _sim_share(sim: RaidSim | None, group: str) -> float:
    """Mean simulated neutralised share over replications [-] (NaN without a simulation)."""
    if sim is None or group not in sim.counts:
        return float("nan")
    counts = sim.counts[group][sim.counts[group][:, 0] > 0]
    return float(np.mean(np.minimum(counts[:, 1] + counts[:, 2], counts[:, 0]) / counts[:, 0])) if len(counts) else float("nan")


def _mean(values: np.ndarray) -> float:
    return float(values.mean()) if len(values) else float("nan")
