"""One side of benchmarks/engine_speedup.py: loads a scenario with whatever airshield is first on
the path, then times replications on request (one seed index per line on stdin; prints the wall
time [s] of run_replication per line). Not meant to be run by hand."""

from __future__ import annotations

import sys
import time


def load(scenario: str, overrides: dict):
    """The World, through the API of whichever airshield version is imported."""
    try:
        from airshield.world import load_world
        return load_world(scenario, overrides or None)
    except ImportError:  # the engine before the World became the one door (commit 458e700)
        from airshield.scenario.validate import load_world, load_world_with
        return load_world_with(scenario, overrides) if overrides else load_world(scenario)


def main() -> None:
    from airshield.engine import run_replication
    from airshield.runs.seeds import replication_seed

    scenario = sys.argv[1]
    overrides = dict(arg.split("=", 1) for arg in sys.argv[2:])
    world = load(scenario, overrides)
    print("ready", flush=True)
    for line in sys.stdin:
        index = int(line)
        start = time.perf_counter()
        run_replication(world, replication_seed(1, index))
        print(f"{time.perf_counter() - start:.6f}", flush=True)


if __name__ == "__main__":
    main()
