"""The compiled kernels: descent from an empty assignment, the unit matching's sparse graph."""

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from airshield.wta import generate
from airshield.wta.local_search import SearchState
from airshield.wta.matching import kill_order, unit_matching
from airshield.wta.moves import descend, likeliest_weapons


def test_descent_places_unused_units_and_keeps_the_cache():
    prob = generate(12, None, 3, 5, family="hard")
    state = descend(SearchState.start(prob, np.zeros(prob.p.shape, dtype=np.int64)), likeliest_weapons(prob, 4))
    assert np.array_equal(state.x.sum(axis=1), prob.mu)
    assert state.objective == pytest.approx(prob.objective(state.x), rel=1e-12)
    again = state.objective
    assert descend(state).objective <= again


def test_kill_order_sorts_weapons_by_decreasing_probability():
    prob = generate(7, None, 1, 2, family="hard")
    order = kill_order(prob.p)
    assert order.shape == (prob.targets, prob.weapons)
    assert np.all(np.diff(prob.p[order, np.arange(prob.targets)[:, None]], axis=1) <= 0)


@pytest.mark.parametrize("seed", range(3))
def test_unit_matching_matches_the_dense_optimum(seed):
    rng = np.random.default_rng(seed)
    W, T, n = 60, 200, 120
    p, surv = rng.random((W, T)), rng.uniform(0, 100, T)
    w = rng.integers(0, W, n)                        # several units of a weapon share a cost row
    current = rng.permutation(T)[:n]
    cost = -surv[None, :] * p[w, :]
    r, c = linear_sum_assignment(cost)
    optimum = cost[r, c].sum()
    for width, slack in ((30, 1e-9), (10, 1e-3)):           # sparse: optimal when wide, near it when narrow
        rows, cols = unit_matching(surv, p, w, current, width, kill_order(p))
        assert sorted(rows.tolist()) == list(range(n)) and len(set(cols.tolist())) == n
        assert optimum <= cost[rows, cols].sum() <= optimum + slack * abs(optimum)
        assert cost[rows, cols].sum() <= cost[np.arange(n), current].sum()


def test_descent_ends_on_ties_with_certain_kills():
    """Two equal targets and kill probability 1 (capped in ``a``): moving the unit either way looks
    like a gain of round-off; the descent must not cycle (it did, found by the property test). Run in
    a child process so that a regression fails here instead of hanging the suite."""
    import subprocess
    import sys

    code = ("from airshield.wta import HeuristicSolver, WtaProblem\n"
            "for v in (71.60815394868948, 100.0, 1.0, 3e-7):\n"
            "    HeuristicSolver(restarts=3).solve(WtaProblem([v, v], [[1.0, 1.0]], [1]), 2.0)\n"
            "    HeuristicSolver(restarts=3).solve(WtaProblem([v, v, v], [[1.0, 1.0, 0.5], [1.0, 1.0, 1.0]], [2, 1]), 2.0)\n")
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0
