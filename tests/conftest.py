"""Suite-wide set-up: the compiled engine's numba cache is filled once, before any test process starts.

On a clean clone numba compiles the engine kernels (about a minute on 2 cores) in every process that
first runs the engine: each pytest-xdist worker, each Ray worker, each ``airshield`` subprocess a test
starts. Compiling once in the controlling process, before the workers exist, leaves them all a warm
cache (``cache=True``, next to the sources) to load in about a second. With a warm cache this costs
one small replication.
"""

from __future__ import annotations


def pytest_configure(config) -> None:
    if hasattr(config, "workerinput"):  # an xdist worker: the controller has filled the cache
        return
    from airshield.engine.compiled import compiled_available
    from airshield.engine.replication import run_replication
    from airshield.world import load_world
    from airshield.c2 import make_assigner

    if compiled_available(make_assigner("greedy", 0.0)):
        run_replication(load_world("kyiv-small"), 1)
