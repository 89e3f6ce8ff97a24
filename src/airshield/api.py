"""The Python API: what the CLI and the web app call, and what notebooks use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from airshield.runs import RunResult
from airshield.runs.session import resume_run, run_world
from airshield.scenario import compose, load_scenario
from airshield.world import load_world

DEFAULT_SCENARIO = "ukraine-national"


def run(source: str | Path = DEFAULT_SCENARIO, *, replications: int | None = None, seed: int | None = None,
        workers: int = 1, backend: str = "local", address: str | None = None, out: str | Path | None = None,
        keep_events: bool = False, until_precision: float | None = None, max_replications: int = 10_000,
        progress: Callable[[int, int], None] | None = None, overrides: dict | None = None) -> RunResult:
    """Simulate a built-in scenario or scenario file.

    Seed and replications default to the scenario's ``run`` settings. ``workers`` local processes
    (or Ray tasks with ``backend='ray'``) give identical results for any count. ``out`` stores the
    run under that folder. ``until_precision`` adds replications until the 95 % interval on mean
    value lost is narrower than this share of the mean (at most ``max_replications``). ``overrides``
    sets scenario fields by path, e.g. ``{"run.tracking": "sensors", "raid.waves[0].count": 400}``.
    """
    world = load_world(source, overrides)
    settings = world.run
    return run_world(world, seed=settings.seed if seed is None else seed,
                     replications=settings.replications if replications is None else replications,
                     workers=workers, backend=backend, address=address,
                     out=Path(out) if out is not None else None, keep_events=keep_events,
                     until_precision=until_precision, max_replications=max_replications, progress=progress)


def resume(run_dir: str | Path, *, workers: int = 1, backend: str = "local", address: str | None = None,
           progress: Callable[[int, int], None] | None = None) -> RunResult:
    """Complete an interrupted stored run."""
    return resume_run(Path(run_dir), workers=workers, backend=backend, address=address, progress=progress)


__all__ = ["DEFAULT_SCENARIO", "compose", "load_scenario", "load_world", "resume", "run"]
