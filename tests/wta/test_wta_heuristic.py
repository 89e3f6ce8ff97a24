import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from airshield.wta import BruteForceSolver, ExactSolver, GreedySolver, HeuristicSolver, WtaProblem, generate
from airshield.wta.greedy import greedy_assignment


@pytest.mark.parametrize("shape", [(5, 5, 1), (20, 30, 2), (30, 10, 3)])
def test_heuristic_never_worse_than_greedy_and_respects_mu(shape):
    for seed in range(3):
        prob = generate(*shape, seed=seed, sparse=0.5 if seed == 2 else None)
        greedy = GreedySolver().solve(prob)
        heur = HeuristicSolver(restarts=3, seed=seed).solve(prob, time_limit=5)
        assert heur.objective <= greedy.objective * (1 + 1e-12)
        assert prob.is_feasible(heur.x) and prob.is_feasible(greedy.x)


def test_heuristic_is_deterministic_under_a_seed():
    prob = generate(15, 15, 2, 1)
    a = HeuristicSolver(seed=7, restarts=5).solve(prob, time_limit=30)
    b = HeuristicSolver(seed=7, restarts=5).solve(prob, time_limit=30)
    assert np.array_equal(a.x, b.x)


def test_heuristic_reaches_the_optimum_on_a_medium_instance():
    prob = generate(20, 20, 1, 3)
    exact = ExactSolver().solve(prob, time_limit=30)
    heur = HeuristicSolver().solve(prob, time_limit=0.3)
    assert exact.optimal
    assert heur.objective <= exact.objective * 1.005


def test_greedy_uses_every_unit_that_helps():
    prob = generate(6, 4, 3, 0)
    assert np.array_equal(greedy_assignment(prob).sum(axis=1), prob.mu)


@st.composite
def problems(draw):
    W, T = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    probs = st.sampled_from([0.0, 0.1, 0.35, 0.5, 0.8, 0.99, 1.0])
    values = [draw(st.floats(0, 100)) for _ in range(T)]
    p = [[draw(probs) for _ in range(T)] for _ in range(W)]
    mu = [draw(st.integers(0, 2)) for _ in range(W)]
    return WtaProblem(values, p, mu)


@settings(max_examples=40, deadline=None)
@given(problems())
def test_invariants_on_random_small_problems(prob):
    brute = BruteForceSolver().solve(prob)
    found = [s.solve(prob, 2.0) for s in (GreedySolver(), HeuristicSolver(restarts=3), ExactSolver())]
    exact = found[-1]
    tol = 1e-6 * max(brute.objective, 1.0)
    assert exact.objective == pytest.approx(brute.objective, rel=1e-6, abs=1e-9)
    assert found[1].objective <= found[0].objective + 1e-9
    for sol in found:
        assert prob.is_feasible(sol.x)
        assert sol.objective >= brute.objective - tol
        assert exact.bound <= sol.objective + tol
        x = np.zeros_like(sol.x)
        for i, j, units in sol.assignment():
            x[i, j] = units
        assert prob.objective(x) == pytest.approx(sol.objective, abs=1e-9)
