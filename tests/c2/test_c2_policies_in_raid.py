"""Policies in the raid: WTA loses no more value than greedy on paired seeds; every policy runs."""

from __future__ import annotations

import numpy as np
import pytest

from airshield.c2 import POLICIES
from airshield.runs import RunOptions, run_monte_carlo
from airshield.scenario.overrides import apply_override
from airshield.scenario.loader import locate, resolve_document, validate_document
from airshield.world import compile_world


def world_with(policy: str, **extra):
    document = resolve_document(locate("kyiv-small"), chain=())
    document.pop("extends", None)
    document = apply_override(document, "doctrine.assigner", policy)
    for key, value in extra.items():
        document = apply_override(document, key, value)
    return compile_world(validate_document(document, file=f"kyiv-small with {policy}"))


@pytest.mark.parametrize("policy", POLICIES)
def test_every_policy_runs_and_conserves(policy):
    small = {f"raid.waves[{i}].count": 3 for i in range(5)}  # the exact solver is slow per decision
    result = run_monte_carlo(world_with(policy, **small), RunOptions(seed=3, replications=1))
    totals = result.to_dict()["totals"]
    assert totals["launched"] == totals["destroyed"] + totals["ew_lost"] + totals["failed"] + totals["leaked"]


def test_wta_loses_no_more_value_than_greedy_on_paired_seeds():
    n = 12
    greedy = run_monte_carlo(world_with("greedy"), RunOptions(seed=21, replications=n))
    wta = run_monte_carlo(world_with("wta"), RunOptions(seed=21, replications=n))
    diff = np.array([w.value_lost - g.value_lost for w, g in zip(wta.metrics, greedy.metrics)])
    half = 2.0 * diff.std(ddof=1) / np.sqrt(n)
    assert diff.mean() <= half + 1e-9, (diff.mean(), half)


def test_cost_aware_spends_less_than_greedy():
    greedy = run_monte_carlo(world_with("greedy"), RunOptions(seed=5, replications=4))
    thrifty = run_monte_carlo(world_with("cost-aware", **{"doctrine.value_per_musd": 0.05}), RunOptions(seed=5, replications=4))
    assert thrifty.summary.cost.defender_usd < greedy.summary.cost.defender_usd


def test_compare_doctrine_reports_paired_differences_from_the_first_policy():
    from airshield.runs.doctrine_compare import compare_doctrine
    policies = ({"doctrine.assigner": "greedy", "doctrine.shoot_look_shoot": True},
                {"doctrine.assigner": "cost-aware", "doctrine.shoot_look_shoot": True})
    table = compare_doctrine("kyiv-small", RunOptions(seed=3, replications=3), policies=policies)
    paired = table[table.metric == "value_lost_minus_first"].set_index("policy")
    means = table[table.metric == "value_lost"].set_index("policy")["mean"]
    assert paired.loc["greedy", "mean"] == 0 and paired.loc["greedy", "ci95_low"] == 0
    assert paired.loc["cost-aware", "mean"] == pytest.approx(means["cost-aware"] - means["greedy"])
    assert paired.loc["cost-aware", "ci95_low"] <= paired.loc["cost-aware", "mean"] <= paired.loc["cost-aware", "ci95_high"]
