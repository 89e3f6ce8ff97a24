"""Fill the WTA kernels' numba cache ahead of use: ``python -m airshield.wta.warm``.

The first process after installing compiles :mod:`airshield.wta.compiled` (about 13 s on a quiet
core) and caches it next to the sources; later processes load it in a fraction of a second. Without
a warm cache the first ``HeuristicSolver`` call spends that time inside its time limit.
"""

from __future__ import annotations


def warm_wta() -> float:
    """Compile (or load) the kernels by solving one small instance; returns its objective."""
    from airshield.wta import HeuristicSolver, generate

    problem = generate(40, None, 2, seed=1, family="hard")      # big enough for the sparse matching
    return HeuristicSolver(restarts=1, patience=1).solve(problem, time_limit=60).objective


if __name__ == "__main__":
    warm_wta()
