import numpy as np
import pytest

from airshield.wta import BruteForceSolver, ExactSolver, GreedySolver, HeuristicSolver, WtaProblem, generate


def small(seed: int, W: int = 4, T: int = 3) -> WtaProblem:
    rng = np.random.default_rng(seed)
    return WtaProblem(rng.uniform(1, 100, T), rng.uniform(0, 1, (W, T)), rng.integers(1, 3, W))


@pytest.mark.parametrize("seed", range(25))
def test_exact_equals_brute_force(seed):
    prob = small(seed)
    brute = BruteForceSolver().solve(prob)
    exact = ExactSolver().solve(prob)
    assert exact.optimal
    assert exact.objective == pytest.approx(brute.objective, rel=1e-6, abs=1e-9)
    assert exact.bound <= brute.objective * (1 + 1e-9) + 1e-9


@pytest.mark.parametrize("seed", range(3))
def test_exact_bound_below_every_solution(seed):
    prob = generate(12, 10, 2, seed)
    exact = ExactSolver().solve(prob)
    assert exact.optimal and exact.gap <= 1e-6
    for solver in (GreedySolver(), HeuristicSolver(seed=seed)):
        assert exact.bound <= solver.solve(prob).objective + 1e-9


def test_exact_with_sparse_and_unreachable_targets():
    p = np.array([[0.7, 0.0, 0.0], [0.6, 0.0, 0.8]])
    prob = WtaProblem([50.0, 40.0, 30.0], p, [1, 2])
    exact = ExactSolver().solve(prob)
    assert exact.optimal
    assert exact.objective == pytest.approx(BruteForceSolver().solve(prob).objective)


def test_exact_with_certain_kills():
    prob = WtaProblem([50.0, 40.0], [[1.0, 1.0], [1.0, 0.5]], [1, 1])
    exact = ExactSolver().solve(prob)
    assert exact.objective == pytest.approx(0.0, abs=1e-9)
    assert exact.assignment() == [[0, 1, 1], [1, 0, 1]]


def test_exact_respects_time_limit():
    prob = generate(60, 60, 2, 5)
    exact = ExactSolver().solve(prob, time_limit=1.0)
    assert exact.time_s < 4.0
    assert exact.bound <= exact.objective
