"""The attacker's best response: equal to brute force on a small case, within its means exactly, at least
as damaging as the scenario's own raid (kyiv-small, ukraine-national), reproducible files, clear errors."""

import json

import numpy as np
import pytest
import yaml
from click.testing import CliRunner

from airshield.cli.plan import plan
from airshield.planning.attack.attack import respond
from airshield.planning.attack.judge import search_indices
from airshield.planning.attack.plan import plan_attack, theatre_of
from airshield.planning.attack.response import ResponseSettings
from airshield.planning.attack.search import enumerate_space, improve, vertex
from airshield.planning.attack.surrogate import build_surrogate
from airshield.planning.common import load_base
from airshield.web.plans import list_plans
from airshield.world import load_world

QUICK = ResponseSettings(search_replications=2, rounds=2, candidates=2, samples=1, per_lane=2)


def test_best_response_equals_brute_force(two_by_two):
    """Every allocation of 2 types x 2 launch areas x 2 targets run by the engine on the search's own
    replications: the best response is the best of them (capacities prune some allocations)."""
    base = load_base(two_by_two)
    theatre, _, _ = theatre_of(base, None, seed=1)
    settings = ResponseSettings(search_replications=4)
    response, judge = respond(theatre, base.document["fire_units"], settings)
    everything = enumerate_space(theatre.space)
    assert 20 <= len(everything) < 75  # 75 without the launch capacities
    values = [judge.objective(theatre.space.raid(n, "brute force"), search_indices(4)).mean() for n in everything]
    assert response.search_mean == pytest.approx(max(values), abs=1e-12)
    assert theatre.space.feasible(response.allocation)
    assert response.search_mean > values[[tuple(n) for n in everything].index(tuple(theatre.space.scenario))]


def test_search_keeps_within_the_means(two_by_two):
    base = load_base(two_by_two)
    theatre, _, _ = theatre_of(base, None, seed=1)
    space = theatre.space
    model = build_surrogate(base.document, space, theatre.weights, seed=1, samples=1, per_lane=2, label="test")
    for start in (space.scenario, np.zeros(len(space)), vertex(space, model.gradient(np.zeros(len(space))))):
        n = improve(model, space, start)
        assert space.feasible(n)
        by_type = {t: sum(c for lane, c in zip(space.lanes, n) if lane.threat == t) for t in space.means.inventory}
        assert by_type == {"shahed-136": 2, "kh-101": 1}  # all of the inventory, as the capacities allow
        by_site = [sum(c for lane, c in zip(space.lanes, n) if lane.site == s) for s in range(2)]
        assert by_site[0] <= 2 and by_site[1] <= 1
    best = max(enumerate_space(space), key=model.value)
    assert model.value(improve(model, space, space.scenario)) == pytest.approx(model.value(best), rel=1e-9)


def test_surrogate_gradient_is_exact(two_by_two):
    base = load_base(two_by_two)
    theatre, _, _ = theatre_of(base, None, seed=1)
    model = build_surrogate(base.document, theatre.space, theatre.weights, seed=1, samples=2, per_lane=3, label="t")
    n = np.array([3.0, 1.0, 2.0, 0.5, 1.0, 0.0, 2.0, 1.0])[: len(theatre.space)]
    g = model.gradient(n)
    for k in range(len(n)):
        e = np.zeros(len(n))
        e[k] = 1e-5
        assert g[k] == pytest.approx((model.value(n + e) - model.value(n - e)) / 2e-5, rel=1e-4, abs=1e-9)


def test_kyiv_small_best_response_beats_the_scenario_raid(tmp_path):
    result = plan_attack("kyiv-small", replications=4, seed=3, settings=QUICK, out=tmp_path / "a")
    assert result.best_value_lost["mean"] >= result.scenario_value_lost["mean"]
    own = load_world("kyiv-small")
    found = load_world(tmp_path / "a" / "raid.yaml")  # the raid runs on its own, within the same inventory
    assert sorted(found.waves.count.tolist()) and int(found.waves.count.sum()) <= int(own.waves.count.sum())
    for t in own.threat_types.key:
        mine = own.waves.count[own.threat_types.key.index(t) == own.waves.type_index].sum()
        theirs = sum(r["count"] for r in result.allocation if r["threat"] == t)
        assert theirs <= mine
    record = json.loads((tmp_path / "a" / "plan.json").read_text())
    assert record["kind"] == "attack" and record["settings"]["seed"] == 3
    assert {"best_value_lost", "scenario_value_lost", "raid"} <= set(record["results"])
    assert (tmp_path / "a" / "attack.png").exists() and (tmp_path / "a" / "attack.csv").exists()
    (listed,) = list_plans(tmp_path)  # the web app's plans view lists it with its map of the raids
    assert listed["kind"] == "attack" and listed["images"] == ["attack.png"]


def test_national_best_response_beats_the_scenario_raid():
    result = plan_attack("ukraine-national", replications=3, seed=1, settings=QUICK, map_image=False)
    assert result.best_value_lost["mean"] >= result.scenario_value_lost["mean"]
    assert result.verification["best"]["minus_scenario"]["ci95"][0] > 0


def test_cli_attack_json(two_by_two, tmp_path):
    result = CliRunner().invoke(plan, ["attack", str(two_by_two), "-n", "2", "--search-replications", "2",
                                       "--rounds", "1", "--out", str(tmp_path / "p"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for key in ("best_value_lost", "scenario_value_lost"):
        assert set(data[key]) >= {"mean", "ci95"}
    assert data["raid"]["waves"] and yaml.safe_load((tmp_path / "p" / "raid.yaml").read_text())["extends"]


@pytest.mark.parametrize("change, message", [
    ("inventory: {shahed-13: 2, kh-101: 1}", "attacker.inventory.shahed-13: unknown threat type"),
    ("inventory: {shahed-136: 1, kh-101: 1}", "attacker.inventory.shahed-136: the raid launches 2 shahed-136"),
    ("night_capacity: -1", "attacker.night_capacity"),
])
def test_bad_attacker_exit_2(two_by_two, change, message):
    text = two_by_two.read_text()
    key = change.split(":")[0]
    lines = [line for line in text.splitlines() if not line.strip().startswith(f"{key}:")]
    lines.insert(lines.index("attacker:") + 1, f"  {change}")
    two_by_two.write_text("\n".join(lines) + "\n")
    result = CliRunner().invoke(plan, ["attack", str(two_by_two), "-n", "2"])
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_negative_launch_capacity_exit_2(two_by_two):
    two_by_two.write_text(two_by_two.read_text().replace("capacity: 1}", "capacity: -1}"))
    result = CliRunner().invoke(plan, ["attack", str(two_by_two), "-n", "2"])
    assert result.exit_code == 2 and "attacker.launch_sites[1].capacity" in result.output


def test_unknown_objective_city_exit_2(two_by_two):
    result = CliRunner().invoke(plan, ["attack", str(two_by_two), "--objective", "city:Gamma", "-n", "2"])
    assert result.exit_code == 2 and "unknown asset 'Gamma'" in result.output


def test_a_raid_beyond_the_attacker_loads_and_runs_but_is_not_planned(two_by_two):
    """Overrides, replays and month nights change the raid: loading does not check it against the
    attacker, the planners do."""
    two_by_two.write_text(two_by_two.read_text().replace("count: 2, launch", "count: 5, launch"))
    assert int(load_world(two_by_two).waves.count.sum()) == 6
    result = CliRunner().invoke(plan, ["attack", str(two_by_two), "-n", "2"])
    assert result.exit_code == 2 and "attacker.inventory.shahed-136: the raid launches 5" in result.output


def test_carrier_raids_are_refused_with_the_wave_named():
    """The best response does not choose carrier sorties yet: plan attack says so (exit 2)."""
    result = CliRunner().invoke(plan, ["attack", "front-kharkiv", "--json"])
    assert result.exit_code == 2, result.output
    assert "raid.waves[0].carrier" in result.output and "Traceback" not in result.output
