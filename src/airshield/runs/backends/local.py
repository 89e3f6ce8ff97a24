"""Local backends: this process, or a pool of local worker processes (no server to start)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from airshield.runs.backends.base import Backend
from airshield.runs.backends.orphans import die_with_parent
from airshield.runs.task import ReplicationResult, chunks, simulate_chunk
from airshield.world import World


class SerialBackend(Backend):
    """Replications one after another in this process."""

    name = "local"
    workers = 1

    def run(self, world: World, seed: int, indices: Sequence[int], keep_events: bool) -> Iterator[ReplicationResult]:
        for index in indices:
            yield from simulate_chunk(world, seed, [index], keep_events)


class LocalBackend(Backend):
    """A pool of ``workers`` local processes; the World is pickled once per chunk of replications.
    Workers end with this process, even when it is killed (see ``orphans``)."""

    name = "local"

    def __init__(self, workers: int):
        self.workers = workers
        # fork starts workers without re-importing numpy, pandas and airshield; spawn where fork is missing
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        context = multiprocessing.get_context(method)
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=die_with_parent,
                                        initargs=(os.getpid(),))

    def run(self, world: World, seed: int, indices: Sequence[int], keep_events: bool) -> Iterator[ReplicationResult]:
        pending = {self.pool.submit(simulate_chunk, world, seed, part, keep_events)
                   for part in chunks(list(indices), self.workers)}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in sorted(done, key=id):
                yield from future.result()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)
