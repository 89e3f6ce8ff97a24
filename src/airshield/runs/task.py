"""The unit of work shipped to workers: a chunk of replications of one World."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from airshield.analysis import ReplicationMetrics, replication_metrics
from airshield.analysis.events import placed_events
from airshield.engine import run_replication
from airshield.runs.seeds import replication_seed
from airshield.world import World


@dataclass(frozen=True)
class ReplicationResult:
    """What one replication returns: its index, metrics, and its event log if asked for."""

    index: int
    metrics: ReplicationMetrics
    events: pd.DataFrame | None


def simulate_chunk(world: World, seed: int, indices: Sequence[int], keep_events: bool) -> list[ReplicationResult]:
    """Run the replications ``indices`` of ``world`` (module-level so that it pickles); kept event
    logs carry lat/lon and timestamps too."""
    results = []
    for index in indices:
        log = run_replication(world, replication_seed(seed, index))
        events = placed_events(world, log) if keep_events else None
        results.append(ReplicationResult(index, replication_metrics(world, log), events))
    return results


def chunks(indices: Sequence[int], workers: int, per_worker: int = 8, largest: int = 10) -> list[list[int]]:
    """Split ``indices`` into chunks: about ``per_worker`` chunks per worker, at most ``largest`` each
    (small chunks keep both workers busy to the end; the World pickles in about a millisecond)."""
    if not indices:
        return []
    size = max(1, min(largest, -(-len(indices) // (workers * per_worker))))
    return [list(indices[i:i + size]) for i in range(0, len(indices), size)]
