"""Moves, swaps, layers of units, the sparse matching and the layered start."""

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from airshield.wta import generate
from airshield.wta.construct import layered_assignment
from airshield.wta.greedy import greedy_assignment
from airshield.wta.local_search import SearchState
from airshield.wta.matching import min_cost_matching
from airshield.wta.moves import descend, likeliest_weapons
from airshield.wta.reassign import reassign_step, unit_layer


def no_single_move_or_swap_improves(state):
    prob, x = state.problem, state.x
    f = prob.objective(x)
    W, T = x.shape
    for i, j in zip(*np.nonzero(x)):
        for k in range(T):
            y = x.copy()
            y[i, j] -= 1
            y[i, k] += 1
            if prob.objective(y) < f * (1 - 1e-9):
                return False
        for i2, j2 in zip(*np.nonzero(x)):
            if i2 != i and j2 != j:
                y = x.copy()
                y[i, j], y[i2, j2] = y[i, j] - 1, y[i2, j2] - 1
                y[i, j2], y[i2, j] = y[i, j2] + 1, y[i2, j] + 1
                if prob.objective(y) < f * (1 - 1e-9):
                    return False
    return True


@pytest.mark.parametrize("seed", range(3))
def test_descent_ends_in_a_local_optimum_and_keeps_the_cache(seed):
    prob = generate(6, None, 2, seed, family="hard")
    state = descend(SearchState.start(prob, greedy_assignment(prob)))
    assert prob.is_feasible(state.x)
    assert state.objective == pytest.approx(prob.objective(state.x), rel=1e-12)
    assert no_single_move_or_swap_improves(state)


def test_swaps_limited_to_likeliest_weapons_still_descend():
    prob = generate(40, None, 2, 1, family="hard")
    partners = likeliest_weapons(prob, 5)
    assert partners.shape == (80, 5)
    assert np.all(prob.p[partners[0], 0] >= np.sort(prob.p[:, 0])[-5])
    start = SearchState.start(prob, greedy_assignment(prob))
    before = start.objective
    state = descend(start, partners)
    assert state.objective <= before and prob.is_feasible(state.x)
    assert likeliest_weapons(prob, 40) is None


def test_unit_layers():
    x = np.array([[2, 0, 1], [1, 1, 0]])
    rng = np.random.default_rng(0)
    for _ in range(20):
        w, t = unit_layer(x, rng)
        assert sorted(t) == [0, 1, 2] and np.all(x[w, t] > 0)
        w2, t2 = unit_layer(x, rng, second=True)
        assert t2.tolist() == [0] and x[w2[0], 0] > 0


@pytest.mark.parametrize("mode", ["first", "half", "second"])
def test_reassign_step_never_worsens(mode):
    prob = generate(50, None, 3, 2, family="hard")
    state = SearchState.start(prob, greedy_assignment(prob))
    rng = np.random.default_rng(1)
    for _ in range(5):
        before = state.objective
        change = reassign_step(state, rng, mode, width=10)
        assert change <= 0 and state.objective == pytest.approx(before + change)
        assert prob.is_feasible(state.x) and np.all(state.x.sum(axis=1) == prob.mu)
        assert state.objective == pytest.approx(prob.objective(state.x), rel=1e-9)


@pytest.mark.parametrize("seed", range(4))
def test_sparse_matching_matches_the_dense_optimum(seed):
    rng = np.random.default_rng(seed)
    n, m = 120, 200
    cost = -rng.uniform(0, 100, m)[None, :] * rng.random((n, m))
    current = rng.permutation(m)[:n]
    rows, cols = min_cost_matching(cost, current, width=15)
    assert len(set(cols.tolist())) == n and sorted(rows.tolist()) == list(range(n))
    r, c = linear_sum_assignment(cost)
    assert cost[rows, cols].sum() <= cost[r, c].sum() + 1e-6 * abs(cost[r, c].sum())
    assert cost[rows, cols].sum() <= cost[np.arange(n), current].sum()


def test_layered_start_uses_every_unit_and_beats_greedy_on_the_hard_family():
    prob = generate(60, None, 3, 1, family="hard")
    x = layered_assignment(prob)
    assert prob.is_feasible(x) and np.all(x.sum(axis=1) == prob.mu)
    assert prob.objective(x) < prob.objective(greedy_assignment(prob))
