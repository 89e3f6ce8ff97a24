"""Robust placement: against an attacker who sees the laydown, a defence split between the two cities holds
better than the nominal one massed where the scenario's raid goes; the game's figures and files."""

import json

import numpy as np

from airshield.planning.attack.response import ResponseSettings
from airshield.planning.robust import RobustSettings
from airshield.planning.robust_plan import plan_robust_placement
from airshield.web.plans import list_plans
from airshield.world import load_world

SETTINGS = RobustSettings(iterations=3, samples=1, time_limit=10,
                          attack=ResponseSettings(search_replications=3, rounds=2, candidates=2, samples=1, per_lane=3))


def test_robust_laydown_holds_better_than_the_nominal_one(two_targets, tmp_path):
    result = plan_robust_placement(two_targets, "iris-t-slm:2", replications=4, seed=1, settings=SETTINGS,
                                   rings_km=(0.0, 10.0), bearings=4, out=tmp_path / "r")
    nominal_lon = sorted(u["lon"] for u in result.nominal_laydown)
    robust_lon = sorted(u["lon"] for u in result.laydown)
    assert nominal_lon[1] < 32.25  # both at Alpha, where the scenario's raid goes
    assert robust_lon[0] < 32.25 < robust_lon[1]  # one at each city
    worst = result.comparison["worst"]
    assert worst["robust"]["mean"] < worst["nominal"]["mean"]
    assert result.comparison["worst_nominal_minus_robust"]["ci95"][0] > 0
    game = result.game
    assert game["gap"] == game["verified_worst"] - game["defender_bound"]  # a model bound: the gap may be negative
    assert len(result.raids) >= 2 and result.raids[0]["label"] == "the scenario's raid"
    record = json.loads((tmp_path / "r" / "plan.json").read_text())
    assert record["kind"] == "robust-placement"
    assert load_world(tmp_path / "r" / "laydown.yaml").units.name[0].startswith("rob-")
    assert load_world(tmp_path / "r" / "raid-1.yaml").waves.count.sum() <= 12
    (plan,) = list_plans(tmp_path)  # the web app's plans view lists it with its map
    assert plan["kind"] == "robust-placement" and plan["images"] == ["robust.png"]
    assert np.isfinite(result.timing["total_s"])
