"""Monte Carlo: run replications on a backend, accumulate them in replication order, store them.

Results may complete in any order on any number of workers; they are folded into the summary
strictly in replication order (a small reorder buffer), so the numbers do not depend on the
backend or the worker count. With a store, rows are written in parts as they come and a killed
run can be resumed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from airshield.analysis import ReplicationMetrics, SummaryAccumulator, to_row
from airshield.runs.backends import Backend, SerialBackend
from airshield.runs.options import RunOptions
from airshield.runs.result import RunResult
from airshield.runs.store import RunStore
from airshield.runs.stored import stored_metrics
from airshield.runs.task import ReplicationResult
from airshield.world import World

FLUSH_ROWS = 50


@dataclass
class _Progress:
    callback: Callable[[int, int], None] | None
    done: int = 0

    def advance(self, total: int) -> None:
        self.done += 1
        if self.callback:
            self.callback(self.done, total)


def run_monte_carlo(world: World, options: RunOptions | None = None, *, backend: Backend | None = None,
                    store: RunStore | None = None, keep_in_memory: bool = True,
                    flush_rows: int = FLUSH_ROWS) -> RunResult:
    """Run (or complete, when ``store`` already holds some replications) a Monte Carlo run of
    ``world`` with ``options`` (seed and replications default to the scenario's; ``progress``
    is called when it is a callback; workers and the store are the caller's ``backend`` and
    ``store``)."""
    options = (options or RunOptions()).for_world(world.run)
    backend = backend or SerialBackend()
    start = time.perf_counter()
    stored = _stored_rows(store)
    state = _Fold(SummaryAccumulator(world.name), stored, keep_in_memory)
    tracker = _Progress(options.progress if callable(options.progress) else None, done=len(stored))
    target = options.replications
    while True:
        todo = [i for i in range(state.next, target) if i not in stored]
        rows: list[dict] = []
        for result in backend.run(world, options.seed, todo, options.keep_events):
            rows.append({"replication": result.index, **to_row(result.metrics)})
            _keep_events(result, store, state, options.keep_events)
            state.receive(result.index, result.metrics)
            tracker.advance(target)
            if store is not None and len(rows) >= flush_rows:
                store.write_metrics(rows)
                rows = []
        if store is not None:
            store.write_metrics(rows)
        state.drain(target)
        if options.until_precision is None or target >= options.max_replications or \
                state.accumulator.relative_width() <= options.until_precision:
            break
        target = min(options.max_replications, target + max(10, target // 2))
    wall = time.perf_counter() - start
    result = RunResult(seed=options.seed, replications=target, summary=state.accumulator.summary(), wall_s=wall,
                       backend=backend.name, workers=backend.workers, metrics=state.kept,
                       event_logs=[state.events[i] for i in sorted(state.events)], store=store, world=world)
    if store is not None:
        store.finish(result.to_dict(), {"replications": target, "wall_s": wall, "ended": time.time()})
    return result


def _keep_events(result: ReplicationResult, store: RunStore | None, state: "_Fold", keep: bool) -> None:
    if not keep or result.events is None:
        return
    if store is not None:
        store.write_events(result.index, result.events)
    else:
        state.events[result.index] = result.events


def _stored_rows(store: RunStore | None) -> dict[int, ReplicationMetrics]:
    """Replications a store already holds (for a resumed run)."""
    if store is None:
        return {}
    return dict(zip(*stored_metrics(store)))


class _Fold:
    """Folds replications into the accumulator strictly in index order."""

    def __init__(self, accumulator: SummaryAccumulator, stored: dict[int, ReplicationMetrics], keep: bool):
        self.accumulator, self.stored, self.keep = accumulator, stored, keep
        self.buffer: dict[int, ReplicationMetrics] = {}
        self.kept: list[ReplicationMetrics] = []
        self.events: dict[int, pd.DataFrame] = {}
        self.next = 0

    def receive(self, index: int, metrics: ReplicationMetrics) -> None:
        self.buffer[index] = metrics
        self._advance()

    def drain(self, target: int) -> None:
        self._advance()
        if self.next < target:
            raise RuntimeError(f"replication {self.next} never arrived")

    def _advance(self) -> None:
        while True:
            metrics = self.buffer.pop(self.next, None) or self.stored.get(self.next)
            if metrics is None:
                return
            self.accumulator.add(metrics)
            if self.keep:
                self.kept.append(metrics)
            self.next += 1
