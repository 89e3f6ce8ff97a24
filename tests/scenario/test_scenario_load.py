"""Built-in scenarios load and compile; the JSON schema; ``extends`` with overrides, appends and loops."""

import json
from pathlib import Path

import pytest
import yaml

from airshield.errors import InputError
from airshield.scenario import builtin_names, load_scenario, load_scenario_text
from airshield.scenario.schema import Scenario
from airshield.world import load_world

EXTRA_UNIT = {"name": "patriot-extra", "type": "patriot", "lat": 50.30, "lon": 30.40}


@pytest.mark.parametrize("name", ["kyiv-small", "ukraine-national", "front-kharkiv", "front-kharkiv-sam",
                                  "front-kharkiv-ambush"])
def test_builtin_loads_and_compiles(name):
    assert name in builtin_names()
    scenario = load_scenario(name)
    assert scenario.name == name
    world = load_world(name)
    assert len(world.assets.name) == len(scenario.assets)
    assert len(world.units.name) == len(scenario.fire_units)
    assert len(world.waves.name) == len(scenario.raid.waves)


def test_json_schema_is_valid_json_and_has_raid():
    schema = json.loads(json.dumps(Scenario.model_json_schema()))
    assert "raid" in schema["properties"]
    assert "raid" in schema["required"]


def test_extends_overrides_and_appends(tmp_path):
    base = load_scenario("kyiv-small")
    child = tmp_path / "what-if.yaml"
    child.write_text(yaml.safe_dump({"extends": "kyiv-small", "run": {"seed": 99},
                                     "fire_units+": [EXTRA_UNIT]}), encoding="utf-8")
    scenario = load_scenario(child)
    assert scenario.run.seed == 99
    assert scenario.run.replications == base.run.replications     # sibling keys kept by the merge
    assert len(scenario.fire_units) == len(base.fire_units) + 1
    assert scenario.fire_units[-1].name == "patriot-extra"
    assert scenario.fire_units[:-1] == base.fire_units
    assert scenario.extends == "kyiv-small"
    world = load_world(child)
    assert "patriot-extra" in world.units.name


def test_extends_from_text_with_base_dir(tmp_path):
    text = yaml.safe_dump({"extends": "kyiv-small", "name": "renamed"})
    assert load_scenario_text(text, file="x.yaml", base_dir=tmp_path).name == "renamed"
    assert load_world(text=text, file="x.yaml").name == "renamed"


def test_relative_path_extends(tmp_path):
    (tmp_path / "base").mkdir()
    (tmp_path / "variants").mkdir()
    kyiv = yaml.safe_load(load_scenario("kyiv-small").model_dump_json())
    base = {k: v for k, v in kyiv.items() if k != "extends"}
    (tmp_path / "base" / "base.yaml").write_text(yaml.safe_dump(base), encoding="utf-8")
    child = tmp_path / "variants" / "child.yaml"
    child.write_text(yaml.safe_dump({"extends": "../base/base.yaml", "name": "child"}), encoding="utf-8")
    scenario = load_scenario(child)
    assert scenario.name == "child"
    assert scenario.assets == load_scenario("kyiv-small").assets


def test_extends_chain_of_three(tmp_path):
    (tmp_path / "a.yaml").write_text(yaml.safe_dump({"extends": "kyiv-small", "run": {"seed": 3}}), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(yaml.safe_dump({"extends": "a.yaml", "fire_units+": [EXTRA_UNIT]}),
                                     encoding="utf-8")
    scenario = load_scenario(tmp_path / "b.yaml")
    assert scenario.run.seed == 3
    assert scenario.fire_units[-1].name == "patriot-extra"


def test_extends_loop(tmp_path):
    (tmp_path / "a.yaml").write_text("extends: b.yaml\nname: a\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\nname: b\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_scenario(tmp_path / "a.yaml")
    assert "loop" in str(info.value)
    assert info.value.path == "extends"
    assert "a.yaml" in str(info.value)


def test_extends_missing_file(tmp_path):
    child = tmp_path / "child.yaml"
    child.write_text("extends: nowhere.yaml\nname: child\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_scenario(child)
    assert info.value.path == "extends"
    assert "nowhere.yaml" in str(info.value)
    assert "not found" in str(info.value)


def test_extends_unknown_builtin_hints(tmp_path):
    child = tmp_path / "child.yaml"
    child.write_text("extends: kyiv-smal\nname: child\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_scenario(child)
    assert info.value.path == "extends"
    assert "kyiv-small" in str(info.value)


def test_missing_scenario_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_scenario(tmp_path / "absent.yaml")
