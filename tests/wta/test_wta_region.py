"""Kicks on a region of related targets (airshield.wta.region)."""

import numpy as np
import pytest

from airshield.wta import HeuristicSolver, generate
from airshield.wta.greedy import greedy_assignment
from airshield.wta.heuristic import region_kicks
from airshield.wta.local_search import SearchState
from airshield.wta.matching import kill_order
from airshield.wta.region import region_kicked, related_targets


def test_related_targets_grow_breadth_first_through_the_likeliest_killers():
    # weapon 0 holds targets 0 and 1, weapon 1 target 2, weapon 2 targets 3 and 4
    x = np.array([[1, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 1, 1]])
    killers = np.array([[1, 0, 2], [0, 1, 2], [2, 0, 1], [2, 1, 0], [0, 2, 1]])
    # 0 -> weapon 1 -> {2}; 2 -> weapon 2 -> {3, 4}; 3 -> weapon 2 (nothing new); 4 -> weapon 0 -> {1}
    assert related_targets(x, killers, 0, 5, top=1).tolist() == [0, 2, 3, 4, 1]
    assert related_targets(x, killers, 0, 3, top=1).tolist() == [0, 2, 3]
    # with the two likeliest killers target 0 reaches weapon 0's other target first
    assert related_targets(x, killers, 0, 5, top=2).tolist() == [0, 2, 1, 3, 4]
    # when target 0's likeliest killer holds nothing, nothing else is related to it
    idle = x.copy()
    idle[1] = 0
    assert related_targets(idle, killers, 0, 5, top=1).tolist() == [0]
    assert related_targets(np.zeros_like(x), killers, 3, 5).tolist() == [3]


@pytest.mark.parametrize("seed", range(3))
def test_region_kick_moves_only_units_of_the_region_and_only_within_it(seed):
    prob = generate(30, None, 3, seed, family="hard")
    state = SearchState.start(prob, greedy_assignment(prob))
    killers = kill_order(prob.p)
    kicked = region_kicked(state, np.random.default_rng(seed), killers, 12)
    changed = np.flatnonzero((kicked.x != state.x).any(axis=0))
    assert changed.size > 0
    # the region is where units changed; outside it every target keeps exactly its units
    rng = np.random.default_rng(seed)
    start = int(rng.choice(prob.targets, p=state.surv / state.surv.sum()))
    region = related_targets(state.x, killers, start, 12)
    assert set(changed) <= set(region.tolist())
    outside = np.setdiff1d(np.arange(prob.targets), region)
    assert np.array_equal(kicked.x[:, outside], state.x[:, outside])
    assert np.array_equal(kicked.x[:, region].sum(axis=1), state.x[:, region].sum(axis=1))
    assert np.array_equal(kicked.x.sum(axis=1), state.x.sum(axis=1))
    assert kicked.objective == pytest.approx(prob.objective(kicked.x), rel=1e-12)
    assert np.array_equal(state.x, greedy_assignment(prob))          # the kicked state is a copy


def test_region_kicks_only_above_two_units_per_weapon():
    assert region_kicks(generate(10, None, 2, 1, family="hard")) == (0.0, 0.0)
    assert region_kicks(generate(10, None, 3, 1, family="hard")) == (0.5, 0.1)


def test_region_kicks_keep_counted_runs_deterministic():
    prob = generate(30, None, 3, 4, family="hard")
    a = HeuristicSolver(restarts=6, seed=3).solve(prob, time_limit=60)
    b = HeuristicSolver(restarts=6, seed=3).solve(prob, time_limit=60)
    assert np.array_equal(a.x, b.x) and a.objective == b.objective
