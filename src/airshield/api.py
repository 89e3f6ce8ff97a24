"""The Python API: what the CLI and the web app call, and what notebooks use."""

from __future__ import annotations

from pathlib import Path

from airshield.runs import RunResult, run_serial
from airshield.scenario import load_scenario
from airshield.scenario.validate import load_world

DEFAULT_SCENARIO = "ukraine-national"


def run(source: str | Path = DEFAULT_SCENARIO, *, replications: int | None = None, seed: int | None = None,
        keep_logs: bool = False) -> RunResult:
    """Simulate a built-in scenario or scenario file; defaults come from the scenario's ``run``."""
    world = load_world(source)
    settings = world.scenario.run
    result = run_serial(world, seed=settings.seed if seed is None else seed,
                        replications=settings.replications if replications is None else replications,
                        keep_logs=keep_logs)
    return result


__all__ = ["DEFAULT_SCENARIO", "load_scenario", "load_world", "run"]
