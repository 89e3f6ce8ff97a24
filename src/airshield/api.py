"""The Python API: what the CLI and the web app call, and what notebooks use."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from airshield.defaults import DEFAULT_SCENARIO
from airshield.runs.options import RunOptions
from airshield.runs.result import RunResult
from airshield.scenario import compose, load_scenario
from airshield.world import World, load_world



def run(source: str | Path | World = DEFAULT_SCENARIO, overrides: Mapping[str, Any] | None = None,
        **options: Any) -> RunResult:
    """Simulate a built-in scenario, a scenario file or a compiled World.

    ``overrides`` sets scenario fields by path, e.g. ``{"run.tracking": "sensors",
    "raid.waves[0].count": 400}``. ``options`` are those of :class:`~airshield.runs.RunOptions`:
    ``replications`` and ``seed`` (default: the scenario's ``run`` settings), ``workers``,
    ``backend``, ``address``, ``out`` (store the run under this folder), ``keep_events``,
    ``until_precision``, ``max_replications`` and ``progress`` (default: a bar in notebooks and
    terminals). An unknown option is an InputError.
    """
    from airshield.runs.session import run_world
    settings = RunOptions.of(**options)
    world = source if isinstance(source, World) and not overrides else load_world(_document(source), overrides)
    return run_world(world, settings)


def _document(source: str | Path | World):
    return dict(source.document) if isinstance(source, World) else source


def resume(run_dir: str | Path, **options: Any) -> RunResult:
    """Complete an interrupted stored run (``options``: workers, backend, address, progress)."""
    from airshield.runs.session import resume_run
    return resume_run(Path(run_dir), RunOptions.of(**options))


__all__ = ["DEFAULT_SCENARIO", "RunOptions", "RunResult", "compose", "load_scenario", "load_world", "resume", "run"]
