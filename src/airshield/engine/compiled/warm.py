"""Fill the compiled engine's numba cache ahead of use: ``python -m airshield.engine.compiled.warm``.

The first run after installing compiles the kernels (about a minute on 2 cores) and caches them next
to the sources; every later process loads them in about a second. ``make setup`` runs this while it
installs the developer extras, and the test suite before its workers start.
"""

from __future__ import annotations


def warm_cache() -> bool:
    """Compile (or load) the kernels by running one small replication; False when they cannot be used.
    (The sensor mode's tracker and the WTA kernels have their own warm-ups, which ``make setup`` runs
    beside this one.)"""
    from airshield.c2 import make_assigner
    from airshield.engine.compiled import compiled_available
    from airshield.engine.held import warm_held
    from airshield.engine.replication import run_replication
    from airshield.world import load_world

    if not compiled_available(make_assigner("greedy", 0.0)):
        return False
    run_replication(load_world("kyiv-small"), 1)
    warm_held()
    return True


if __name__ == "__main__":
    warm_cache()
