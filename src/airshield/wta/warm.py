"""Fill the WTA kernels' numba cache ahead of use: ``python -m airshield.wta.warm``.

The first process after installing compiles :mod:`airshield.wta.compiled` (about 13 s on a quiet
core) and caches it next to the sources; later processes load it in a fraction of a second. Without
a warm cache the first ``HeuristicSolver`` call spends that time inside its time limit.
"""

from __future__ import annotations


def warm_wta() -> float:
    """Compile (or load) the kernels by solving one small instance (and one sparse matching of a cost
    matrix); returns the solve's objective."""
    import numpy as np

    from airshield.wta import HeuristicSolver, generate
    from airshield.wta.matching import min_cost_matching

    # mu = 3: matching width 20, so a 40 x 80 instance's matchings (up to 80 units) take the sparse path
    # (at mu = 2 the width is 40 and they stayed dense: the sparse graph's kernels were not compiled)
    problem = generate(40, None, 3, seed=1, family="hard")
    min_cost_matching(np.random.default_rng(1).random((12, 16)), np.arange(12), 2)
    return HeuristicSolver(restarts=1, patience=1).solve(problem, time_limit=60).objective


if __name__ == "__main__":
    warm_wta()
