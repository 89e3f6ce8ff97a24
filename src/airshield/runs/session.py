"""Start, resume and name stored runs: what ``airshield run`` does, as functions."""

from __future__ import annotations

import time
from pathlib import Path

from airshield._version import __version__
from airshield.errors import InputError
from airshield.progress import progress_callback
from airshield.runs.backends import Backend, open_backend
from airshield.runs.diskcheck import check_room
from airshield.runs.options import RunOptions
from airshield.runs.result import RunResult
from airshield.runs.runner import run_monte_carlo
from airshield.runs.store import RunStore
from airshield.safepaths import slug
from airshield.world import World, load_world


def run_world(world: World, options: RunOptions | None = None, *, keep_in_memory: bool = True) -> RunResult:
    """Run ``world`` with ``options`` on the backend they name; with ``options.out``, store the run
    in a new folder under it."""
    options = (options or RunOptions()).for_world(world.run)
    with open_backend(options.backend, options.workers, options.address) as backend, \
            progress_callback(options.progress, "replications") as progress:
        return run_on(world, options.replace(progress=progress), backend, keep_in_memory=keep_in_memory)


def run_on(world: World, options: RunOptions, backend: Backend, *, name: str | None = None,
           keep_in_memory: bool = True) -> RunResult:
    """Run ``world`` on an open ``backend``; stored under ``options.out`` as ``name`` (default:
    :func:`run_name`) when ``out`` is set."""
    options = options.for_world(world.run)
    store = None
    if options.out is not None:
        store = RunStore.create(options.out, name or run_name(world.name, options.seed), _meta(world, options),
                                dict(world.document))
    return run_monte_carlo(world, options, backend=backend, store=store, keep_in_memory=keep_in_memory)


def _meta(world: World, options: RunOptions) -> dict:
    return {"airshield_version": __version__, "scenario": world.name, "seed": options.seed,
            "replications_requested": options.replications, "backend": options.backend, "workers": options.workers,
            "keep_events": options.keep_events, "until_precision": options.until_precision,
            "max_replications": options.max_replications, "started": time.time()}


def resume_run(directory: Path, options: RunOptions | None = None) -> RunResult:
    """Complete an interrupted stored run (its seed, replications and settings come from the
    store; ``options`` gives workers, backend, address and progress); the result equals an
    uninterrupted run's."""
    options = options or RunOptions()
    store = RunStore.open(directory)
    meta = store.meta()
    if meta.get("status") == "complete":
        raise InputError("this run is complete already", file=str(directory), expected="an incomplete run")
    seed, requested = _meta_int(meta, "seed", directory), _meta_int(meta, "replications_requested", directory)
    world = load_world(text=store.scenario_text(), file=str(Path(directory) / "scenario.yaml"))
    done = len(store.metrics())
    check_room(Path(directory), done=done, remaining=max(requested - done, 0), keep_events=bool(meta.get("keep_events")))
    stored = options.replace(seed=seed, replications=requested, keep_events=bool(meta.get("keep_events")),
                             until_precision=meta.get("until_precision"),
                             max_replications=int(meta.get("max_replications", 10_000)), out=None)
    with open_backend(options.backend, options.workers, options.address) as backend, \
            progress_callback(options.progress, "replications") as progress:
        return run_monte_carlo(world, stored.replace(progress=progress), backend=backend, store=store,
                               keep_in_memory=False)


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
