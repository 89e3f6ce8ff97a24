"""Store a run that was kept in memory (``airshield.run`` without ``out``), e.g. to report on it."""

from __future__ import annotations

import time
from pathlib import Path

from airshield import defaults
from airshield._version import __version__
from airshield.analysis import to_row
from airshield.errors import InputError
from airshield.runs.result import RunResult
from airshield.runs.session import run_name
from airshield.runs.store import RunStore

DEFAULT_RUNS = Path(defaults.DEFAULT_RUNS)


def save_result(result: RunResult, out: str | Path = DEFAULT_RUNS) -> RunStore:
    """Write ``result`` as a run folder under ``out`` (metrics, kept event logs, summary) and
    attach the store to it; a stored result is returned as it is."""
    if result.store is not None:
        return result.store
    if result.world is None or len(result.metrics) != result.replications:
        raise InputError("this result keeps too little to be stored", expected="a result of airshield.run")
    meta = {"airshield_version": __version__, "scenario": result.scenario, "seed": result.seed,
            "replications_requested": result.replications, "backend": result.backend, "workers": result.workers,
            "keep_events": bool(result.event_logs), "started": time.time(), "saved_from_memory": True}
    store = RunStore.create(Path(out), run_name(result.scenario, result.seed), meta, dict(result.world.document))
    store.write_metrics([{"replication": i, **to_row(m)} for i, m in enumerate(result.metrics)])
    for index, events in enumerate(result.event_logs):
        store.write_events(index, events)
    result.store = store
    store.finish(result.to_dict(), {"replications": result.replications, "wall_s": result.wall_s,
                                    "ended": time.time()})
    return store
