"""Start, resume and name stored runs: what ``airshield run`` does, as functions."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from airshield._version import __version__
from airshield.errors import InputError
from airshield.runs.backends import open_backend
from airshield.runs.diskcheck import check_room
from airshield.runs.runner import RunResult, run_monte_carlo
from airshield.runs.store import RunStore
from airshield.safepaths import slug
from airshield.world import World, load_world


def run_world(world: World, *, seed: int, replications: int, workers: int = 1, backend: str = "local",
              address: str | None = None, out: Path | None = None, keep_events: bool = False,
              until_precision: float | None = None, max_replications: int = 10_000,
              progress: Callable[[int, int], None] | None = None, keep_in_memory: bool = True) -> RunResult:
    """Run ``world``; with ``out``, store the run in a new directory under it."""
    with open_backend(backend, workers, address) as runner:
        store = None
        if out is not None:
            meta = {"airshield_version": __version__, "scenario": world.name, "seed": seed,
                    "replications_requested": replications, "backend": backend, "workers": workers,
                    "keep_events": keep_events, "until_precision": until_precision,
                    "max_replications": max_replications, "started": time.time()}
            store = RunStore.create(Path(out), run_name(world.name, seed), meta, dict(world.document))
        return run_monte_carlo(world, seed=seed, replications=replications, backend=runner, store=store,
                               keep_events=keep_events, keep_in_memory=keep_in_memory,
                               until_precision=until_precision, max_replications=max_replications,
                               progress=progress)


def resume_run(directory: Path, *, workers: int = 1, backend: str = "local", address: str | None = None,
               progress: Callable[[int, int], None] | None = None) -> RunResult:
    """Complete an interrupted stored run; the result equals an uninterrupted run's."""
    store = RunStore.open(directory)
    meta = store.meta()
    if meta.get("status") == "complete":
        raise InputError("this run is complete already", file=str(directory), expected="an incomplete run")
    seed, requested = _meta_int(meta, "seed", directory), _meta_int(meta, "replications_requested", directory)
    world = load_world(text=store.scenario_text(), file=str(Path(directory) / "scenario.yaml"))
    done = len(store.metrics())
    check_room(Path(directory), done=done, remaining=max(requested - done, 0), keep_events=bool(meta.get("keep_events")))
    with open_backend(backend, workers, address) as runner:
        return run_monte_carlo(world, seed=seed, replications=requested,
                               backend=runner, store=store, keep_events=bool(meta.get("keep_events")),
                               keep_in_memory=False, until_precision=meta.get("until_precision"),
                               max_replications=int(meta.get("max_replications", 10_000)), progress=progress)


def _meta_int(meta: dict, key: str, directory: Path) -> int:
    """A whole number from the run's meta.json, or an InputError naming the field."""
    value = meta.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError(f"meta.json has {key}={value!r}", file=str(Path(directory) / "meta.json"), path=key,
                         expected="a whole number written by airshield run; the run may be damaged")
    return value


def run_name(scenario: str, seed: int) -> str:
    """A directory name for a new run: the scenario name as a slug (never a path), UTC time to the
    microsecond, seed."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime()) + f"{time.time() % 1:.6f}"[1:].replace(".", "-")
    return f"{slug(scenario)}-{stamp}-s{seed}"
