"""Run a scenario's replications one after another (parallel backends come with the Monte Carlo work)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from airshield.analysis import ReplicationMetrics, replication_metrics, summarise
from airshield.engine import EngineSettings, run_replication
from airshield.world import World


@dataclass(frozen=True)
class RunResult:
    """A finished run: the summary, per-replication metrics, event logs if kept, timings [s]."""

    seed: int
    replications: int
    summary: dict
    metrics: list[ReplicationMetrics]
    event_logs: list[pd.DataFrame] = field(default_factory=list)
    wall_s: float = 0.0

    def to_dict(self) -> dict:
        """The JSON-ready summary with seed, replications and timing."""
        return {"scenario": None, "seed": self.seed, **self.summary,
                "timing": {"wall_s": self.wall_s, "per_replication_s": self.wall_s / max(self.replications, 1)}}


def replication_seeds(seed: int, replications: int) -> list[np.random.SeedSequence]:
    """One independent SeedSequence per replication, spawned from the run seed."""
    return np.random.SeedSequence(seed).spawn(replications)


def run_serial(world: World, *, seed: int, replications: int, keep_logs: bool = False,
               settings: EngineSettings | None = None) -> RunResult:
    """Run ``replications`` of ``world`` in this process."""
    start = time.perf_counter()
    metrics, logs = [], []
    for child in replication_seeds(seed, replications):
        log = run_replication(world, child, settings=settings)
        metrics.append(replication_metrics(world, log))
        if keep_logs:
            logs.append(log)
    wall = time.perf_counter() - start
    return RunResult(seed=seed, replications=replications, summary=summarise(metrics), metrics=metrics,
                     event_logs=logs, wall_s=wall)
