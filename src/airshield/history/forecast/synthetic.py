"""Synthetic raid reports drawn from the forecaster's own generative model, where the truth is known.

Used to check that the rolling forecaster's intervals cover at their nominal rate and that its
calibration recovers the parameters: a level that drifts as a random walk, a simulated logit per
raid (with replication noise), the raid's log size and its mix of two types, a normal raid effect
and binomial reported counts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.special import expit

from airshield.history.forecast.observations import COLUMNS


@dataclass(frozen=True)
class Truth:
    """Generating parameters: start level, drift variance per day, sim weight, raid variance, sim noise,
    replications, the weight of the log raid size (centred on the log-midpoint of ``sizes``), the
    range of raid sizes [launched] and the weight of the second type's launch fraction (centred on
    0.5; each raid's fraction of type ``b`` is uniform on [0, 1], the rest type ``a``)."""

    level: float = 2.0
    q: float = 0.003
    weight: float = 0.7
    s2: float = 0.25
    sim_sd: float = 0.15
    replications: int = 3
    size_weight: float = 0.0
    sizes: tuple[float, float] = (20.0, 400.0)
    mix_weight: float = 0.0


def synthetic_observations(raids: int, truth: Truth, seed: int, start: str = "2024-01-01",
                           group: str = "drone") -> pd.DataFrame:
    """An observation table of ``raids`` raids, one every 1-3 days, of ``truth.sizes`` launched each
    (log-uniform)."""
    rng = np.random.default_rng(seed)
    gaps = rng.integers(1, 4, size=raids).astype(float)
    t = np.cumsum(gaps)
    level = truth.level + np.cumsum(rng.normal(0.0, np.sqrt(truth.q * gaps)))
    x = rng.normal(0.0, 0.8, size=raids)
    low, high = np.log(truth.sizes)
    n = np.exp(rng.uniform(low, high, size=raids)).round()
    size = truth.size_weight * (np.log(n) - (low + high) / 2)
    b = rng.uniform(0.0, 1.0, size=raids) if truth.mix_weight else np.zeros(raids)
    effect = size + truth.mix_weight * (b - 0.5)
    p = expit(level + truth.weight * x + effect + rng.normal(0.0, np.sqrt(truth.s2), size=raids))
    k = rng.binomial(n.astype(int), p)
    starts = pd.Timestamp(start) + pd.to_timedelta(t, unit="D")
    rows = []
    for i in range(raids):
        reps = x[i] + rng.normal(0.0, truth.sim_sd, size=truth.replications)
        share = k[i] / n[i]
        rows.append({"raid": f"synthetic-{i:04d}", "group": group, "start": starts[i],
                     "end": starts[i] + pd.Timedelta(hours=10), "n": float(n[i]), "k_neutralised": int(k[i]),
                     "k_destroyed": int(k[i]), "rep_destroyed": share, "rep_ew_lost": 0.0, "rep_neutralised": share,
                     "x_neutralised": float(reps.mean()), "x_destroyed": float(reps.mean()),
                     "reps_neutralised": reps, "reps_destroyed": reps, "sim_neutralised": float(expit(reps).mean()),
                     "mix": {"a": 1.0 - b[i], "b": b[i]} if truth.mix_weight else {}})
    return pd.DataFrame(rows, columns=list(COLUMNS))
