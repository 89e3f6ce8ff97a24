"""Placement finds the known optimum, writes reproducible outputs, and refuses bad input."""

import json

import yaml
from click.testing import CliRunner

from airshield.cli.plan import plan
from airshield.planning.placement import plan_placement
from airshield.world import load_world


def test_placement_finds_the_valuable_threatened_city(two_cities, tmp_path):
    result = plan_placement(two_cities, "iris-t-slm:1", replications=4, seed=2, samples=2,
                            rings_km=(0.0, 10.0), bearings=4, out=tmp_path / "out", map_image=False)
    (unit,) = [u for u in result.laydown if u["name"].startswith("opt-")]
    assert abs(unit["lon"] - 31.0) < 0.2 and abs(unit["lat"] - 49.0) < 0.15  # at Alpha, not Beta
    assert result.model["gap"] <= 1e-3
    lost = result.verification["laydowns"]
    assert lost["optimised"]["mean"] < lost["scenario"]["mean"]  # the scenario put it at Beta
    laydown = yaml.safe_load((tmp_path / "out" / "laydown.yaml").read_text())
    assert laydown["extends"] and laydown["fire_units"][0]["type"] == "iris-t-slm"
    world = load_world(tmp_path / "out" / "laydown.yaml")  # usable with extends
    assert world.units.name == ("opt-iris-t-slm-1",)
    record = json.loads((tmp_path / "out" / "plan.json").read_text())
    assert record["settings"]["seed"] == 2 and record["settings"]["units"] == {"iris-t-slm": 1}
    assert (tmp_path / "out" / "scenario.yaml").exists()


def test_placement_is_reproducible(two_cities):
    a = plan_placement(two_cities, "iris-t-slm:1", replications=2, seed=5, samples=1, rings_km=(0.0,), verify=True)
    b = plan_placement(two_cities, "iris-t-slm:1", replications=2, seed=5, samples=1, rings_km=(0.0,), verify=True)
    assert a.laydown == b.laydown
    assert a.verification["laydowns"]["optimised"]["mean"] == b.verification["laydowns"]["optimised"]["mean"]


def test_unknown_unit_type_exit_2(two_cities):
    result = CliRunner().invoke(plan, ["placement", str(two_cities), "--units", "iris-t-sml:1"])
    assert result.exit_code == 2
    assert "did you mean 'iris-t-slm'" in result.output


def test_more_units_than_sites_exit_2(two_cities):
    result = CliRunner().invoke(plan, ["placement", str(two_cities), "--units", "gepard:3", "--rings", "0"])
    assert result.exit_code == 2
    assert "candidate sites" in result.output


def test_cli_placement_runs(two_cities, tmp_path):
    result = CliRunner().invoke(plan, ["placement", str(two_cities), "--units", "iris-t-slm:1", "--rings", "0",
                                       "-n", "2", "--samples", "1", "--out", str(tmp_path / "p"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["verification"]["laydowns"]) == {"optimised", "value-proportional", "scenario"}
    assert (tmp_path / "p" / "placement.png").exists()


def test_every_laydown_has_the_same_units_and_the_model_error_is_reported(two_cities):
    """Two IRIS-T SLM placed where the scenario has one: the scenario's baseline keeps its unit where it
    stands and adds the second at the free site nearest it, so no laydown is credited with more units."""
    result = plan_placement(two_cities, "iris-t-slm:2", replications=2, seed=1, samples=1, rings_km=(0.0, 10.0),
                            bearings=4, map_image=False)
    laydowns = result.verification["laydowns"]
    assert set(laydowns) == {"optimised", "value-proportional", "scenario"}
    for entry in laydowns.values():
        assert entry["units"] == {"iris-t-slm": 2}
        assert entry["model_error"] == entry["model_value_lost"] - entry["mean"]
    scenario = result.baselines["scenario"]
    assert len(scenario) == 2 and (scenario[0]["lat"], scenario[0]["lon"]) == (49.0, 33.45)  # iris-1 kept
    assert abs(scenario[1]["lon"] - 33.45) < 0.2  # the extra one beside it
    model = result.verification["model"]
    assert set(model["ratio_model_to_verified"]) == set(laydowns) and isinstance(model["ranking_agrees"], bool)
