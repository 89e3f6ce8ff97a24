"""Assigners: channels respected, cost rule, shoot-look-shoot cap, WTA against greedy."""

from __future__ import annotations

import numpy as np

from airshield.c2 import Candidates, GreedyAssigner, WtaAssigner, worth_firing
from airshield.wta import HeuristicSolver


def candidates(**overrides) -> Candidates:
    base = dict(threat=np.array([0, 0, 1, 1]), weapon=np.array([0, 1, 0, 1]), unit=np.array([0, 1, 0, 1]),
                p_kill=np.array([0.9, 0.5, 0.8, 0.6]), weight=np.array([10.0, 10.0, 5.0, 5.0]),
                cost=np.array([4e6, 1e4, 4e6, 1e4]), later=np.zeros(4), second_chance=np.zeros(4, bool))
    base.update(overrides)
    return Candidates(**base)


def test_greedy_one_engagement_per_threat_and_channels():
    chosen = GreedyAssigner().assign(candidates(), np.array([1, 1]))
    assert len(chosen) == 2
    assert len(set(candidates().threat[chosen])) == 2
    assert len(set(candidates().unit[chosen])) == 2


def test_cost_rule_skips_expensive_shots_when_cheap_later_chances_exist():
    c = candidates(later=np.array([0.85, 0.0, 0.75, 0.0]))
    ok = worth_firing(c, value_per_usd=1e-6)
    assert not ok[0] and ok[1]
    chosen = GreedyAssigner(value_per_usd=1e-6).assign(c, np.array([2, 2]))
    assert set(c.weapon[chosen]) == {1}


def test_wta_respects_channels_and_second_chance():
    c = candidates(second_chance=np.ones(4, bool))
    chosen = WtaAssigner(HeuristicSolver(restarts=2, patience=2), time_limit=10.0).assign(c, np.array([1, 1]))
    units = c.unit[chosen]
    assert np.all(np.bincount(units, minlength=2) <= 1)
    threats = c.threat[chosen]
    assert len(threats) == len(set(threats))


def test_wta_may_double_up_without_second_chance():
    c = candidates(weight=np.array([100.0, 100.0, 1.0, 1.0]), p_kill=np.array([0.6, 0.6, 0.1, 0.1]))
    chosen = WtaAssigner(HeuristicSolver(restarts=2, patience=2), time_limit=10.0).assign(c, np.array([1, 1]))
    assert list(c.threat[chosen]) == [0, 0]
