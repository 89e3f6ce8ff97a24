"""The heuristic as an anytime solver on the hard family: uses its time, never worse with more, near optimal."""

import numpy as np
import pytest

from airshield.wta import ExactSolver, GreedySolver, HeuristicSolver, generate


@pytest.fixture(scope="module")
def medium():
    return generate(30, None, 3, seed=4, family="hard")


def test_a_longer_limit_never_returns_worse(medium):
    short = HeuristicSolver(seed=3).solve(medium, time_limit=0.2)
    long = HeuristicSolver(seed=3).solve(medium, time_limit=0.8)
    assert long.objective <= short.objective * (1 + 1e-12)
    assert long.objective <= GreedySolver().solve(medium).objective


def test_uses_the_time_limit_and_stops_near_it(medium):
    sol = HeuristicSolver(seed=1).solve(medium, time_limit=0.5)
    assert sol.time_s >= 0.5 and sol.time_s < 0.5 + 3.0         # generous slack on a loaded machine
    assert sol.info["restarts"] > 0 and medium.is_feasible(sol.x)


def test_count_based_stop_is_deterministic(medium):
    a = HeuristicSolver(restarts=3, patience=3, seed=5).solve(medium, time_limit=60)
    b = HeuristicSolver(restarts=3, patience=3, seed=5).solve(medium, time_limit=60)
    assert np.array_equal(a.x, b.x) and a.info["restarts"] == 3


@pytest.mark.parametrize("W, mu, seed", [(6, 1, 1), (6, 3, 2), (10, 3, 2)])
def test_within_a_tenth_of_a_percent_of_the_proven_optimum(W, mu, seed):
    prob = generate(W, None, mu, seed, family="hard")
    exact = ExactSolver().solve(prob, time_limit=60)
    assert exact.optimal
    heur = HeuristicSolver(seed=0).solve(prob, time_limit=0.3)
    assert heur.objective <= exact.objective * 1.001


def test_kick_share_grows_with_the_units_per_weapon():
    from airshield.wta.heuristic import kick_share
    shares = [kick_share(generate(8, None, mu, seed=1, family="hard")) for mu in (1, 2, 3, 6)]
    assert shares == pytest.approx([0.1, 0.1, 0.15, 0.15])


def test_matching_width_narrows_with_the_units_per_weapon():
    from airshield.wta.heuristic import matching_width
    widths = [matching_width(generate(8, None, mu, seed=1, family="hard")) for mu in (1, 2, 3, 6)]
    assert widths == [40, 40, 20, 20]


def test_pool_search_only_above_two_units_per_weapon():
    from airshield.wta.heuristic import pool_search
    chosen = [pool_search(generate(8, None, mu, seed=1, family="hard")) for mu in (1, 2, 3)]
    assert chosen == [(0.0, None), (0.0, None), (0.5, 0.005)]


def test_recombination_keeps_the_shared_units_and_places_every_other(medium):
    from airshield.wta.construct import layered_assignment
    from airshield.wta.greedy import greedy_assignment
    from airshield.wta.heuristic import _recombined
    from airshield.wta.local_search import SearchState
    a, b = (SearchState.start(medium, make(medium)) for make in (layered_assignment, greedy_assignment))
    assert not np.array_equal(a.x, b.x)
    child = _recombined(a, b)
    assert (child.x >= np.minimum(a.x, b.x)).all()
    assert np.array_equal(child.x.sum(axis=1), medium.mu) and medium.is_feasible(child.x)
    assert child.objective == pytest.approx(medium.objective(child.x), rel=1e-12)


def test_the_pool_keeps_the_best_distinct_assignments_best_first(medium):
    from airshield.wta.construct import layered_assignment
    from airshield.wta.greedy import greedy_assignment
    from airshield.wta.heuristic import _admit, _kicked
    from airshield.wta.local_search import SearchState
    a, b = (SearchState.start(medium, make(medium)) for make in (layered_assignment, greedy_assignment))
    c = _kicked(a, np.random.default_rng(0), 0.3)
    pool = _admit([a], b, 2)
    assert [s.objective for s in pool] == sorted([a.objective, b.objective])
    assert _admit(pool, a.copy(), 2) is pool                      # a duplicate is not admitted
    kept = _admit(pool, c, 2)
    assert len(kept) == 2 and [s.objective for s in kept] == sorted(s.objective for s in (a, b, c))[:2]
