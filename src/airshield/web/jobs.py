"""The run queue: one worker thread runs queued runs one after another, never all at once."""

from __future__ import annotations

import itertools
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from airshield.errors import AirshieldError
from airshield.runs.options import RunOptions
from airshield.runs.session import run_world
from airshield.world import World


class Cancelled(Exception):
    """Raised inside the progress callback to stop a running run."""


@dataclass
class Job:
    """One requested run, sweep or plan and its state: queued, running, complete, failed or cancelled.

    A run has a ``world``; a sweep or plan has a ``task(progress) -> result`` and counts ``total`` steps
    (sweep points, laydowns verified) instead of replications."""

    id: str
    scenario: str
    seed: int
    replications: int
    world: World | None = field(repr=False, default=None)
    kind: str = "run"
    task: Callable[[Callable[[int, int], None]], dict[str, Any]] | None = field(repr=False, default=None)
    total: int | None = None
    result: dict[str, Any] | None = None
    status: str = "queued"
    started: float | None = None
    done: int = 0
    run: str | None = None
    error: str | None = None
    created: float = field(default_factory=time.time)
    finished: float | None = None
    cancel_requested: bool = False

    def to_dict(self) -> dict:
        return {"id": self.id, "scenario": self.scenario, "seed": self.seed, "replications": self.replications,
                "status": self.status, "done": self.done, "total": self.total or self.replications, "run": self.run,
                "error": self.error, "created": self.created, "started": self.started, "finished": self.finished,
                "kind": self.kind,
                "result": self.result}


class JobQueue:
    """A FIFO of runs served by a single daemon thread; runs are stored (with events) under ``runs_dir``."""

    def __init__(self, runs_dir: Path, *, workers: int = 1, max_queued: int = 8):
        self.runs_dir = Path(runs_dir)
        self.workers = workers
        self.max_queued = max_queued
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._thread = threading.Thread(target=self._serve, name="airshield-runs", daemon=True)
        self._thread.start()

    def active(self) -> int:
        with self._lock:
            return sum(j.status in ("queued", "running") for j in self._jobs.values())

    def submit(self, world: World, *, scenario: str, seed: int, replications: int) -> Job:
        with self._lock:
            job = Job(f"job-{next(self._ids)}", scenario, seed, replications, world)
            self._jobs[job.id] = job
        self._queue.put(job)
        return job

    def submit_task(self, kind: str, task: Callable, *, scenario: str, seed: int, replications: int,
                    total: int) -> Job:
        """Queue a sweep or plan: ``task(progress)`` runs on the worker thread and returns the job's result."""
        with self._lock:
            job = Job(f"job-{next(self._ids)}", scenario, seed, replications, kind=kind, task=task, total=total)
            self._jobs[job.id] = job
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        return sorted(self._jobs.values(), key=lambda j: j.created, reverse=True)

    def cancel(self, job_id: str) -> Job | None:
        job = self._jobs.get(job_id)
        if job is not None and job.status in ("queued", "running"):
            job.cancel_requested = True
            if job.status == "queued":
                job.status, job.finished = "cancelled", time.time()
        return job

    def close(self) -> None:
        self._queue.put(None)

    def _serve(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            if job.status != "queued":
                continue
            self._run(job)

    def _run(self, job: Job) -> None:
        job.status, job.started = "running", time.time()

        def progress(done: int, total: int) -> None:
            job.done = done
            if job.cancel_requested:
                raise Cancelled

        before = {p.name for p in self.runs_dir.iterdir()} if self.runs_dir.is_dir() else set()
        try:
            if job.task is not None:
                job.result, job.status = job.task(progress), "complete"
                return
            options = RunOptions(seed=job.seed, replications=job.replications, workers=self.workers,
                                 out=self.runs_dir, keep_events=True, progress=progress)
            result = run_world(job.world, options, keep_in_memory=False)
            job.run, job.status = result.store.dir.name, "complete"
        except Cancelled:
            job.status = "cancelled"
            job.run = self._mark_cancelled(job, before) if job.task is None else None
        except AirshieldError as exc:
            job.status, job.error = "failed", str(exc)
        except Exception as exc:  # noqa: BLE001 - a failed run is reported, the worker keeps serving
            job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
        finally:
            job.finished = time.time()
            job.world = None
            job.task = None

    def _mark_cancelled(self, job: Job, before: set[str]) -> str | None:
        """Mark the cancelled run's directory (the new incomplete one) as cancelled."""
        from airshield.runs.store import list_runs
        mine = [s for s in list_runs(self.runs_dir) if s.dir.name not in before
                and _meta_or_empty(s).get("status") == "incomplete"
                and _meta_or_empty(s).get("scenario") == job.world.name]
        if not mine:
            return None
        store = mine[-1]
        store.write_meta({**store.meta(), "status": "cancelled"})
        return store.dir.name


def _meta_or_empty(store) -> dict:
    """A run's metadata, or {} when its meta.json is damaged (another run's problem, not this job's)."""
    try:
        return store.meta()
    except AirshieldError:
        return {}
