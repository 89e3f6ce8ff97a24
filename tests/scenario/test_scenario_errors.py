"""Each bad input gives one InputError naming the file, the exact field path and what is wrong."""

import copy

import pytest
import yaml

from airshield.errors import InputError
from airshield.scenario.builtin import builtin_path
from airshield.world import load_world

KYIV_TEXT = builtin_path("kyiv-small").read_text(encoding="utf-8")
KYIV = yaml.safe_load(KYIV_TEXT)


def kyiv():
    return copy.deepcopy(KYIV)


def fail_text(tmp_path, text, name="bad.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return fail_path(path)


def fail_path(path):
    with pytest.raises(InputError) as info:
        load_world(path)
    error = info.value
    assert path.name in str(error), "the message names the file"
    assert error.file is not None and path.name in error.file
    return error


def fail(tmp_path, doc):
    return fail_text(tmp_path, yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))


def test_baseline_is_valid(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(yaml.safe_dump(kyiv(), sort_keys=False), encoding="utf-8")
    assert load_world(path).name == "kyiv-small"


def test_malformed_yaml(tmp_path):
    text = KYIV_TEXT.replace("  linked: true", "  linked: [true", 1)
    error = fail_text(tmp_path, text)
    assert "malformed YAML" in str(error)
    assert "line " in str(error)


def test_malformed_yaml_line_number(tmp_path):
    error = fail_text(tmp_path, "name: x\nassets: [\n  {name: Kyiv\nraid: {}\n")
    assert "line 4" in str(error) or "line 3" in str(error)


def test_top_level_list(tmp_path):
    error = fail_text(tmp_path, yaml.safe_dump([kyiv()]))
    assert "the document is a list" in str(error)
    assert "mapping" in str(error)


def test_wrong_type(tmp_path):
    doc = kyiv()
    doc["raid"]["waves"][0]["count"] = "many"
    error = fail(tmp_path, doc)
    assert error.path == "raid.waves[0].count"
    assert "integer" in str(error) and "'many'" in str(error)


def test_unknown_key_did_you_mean(tmp_path):
    doc = kyiv()
    doc["assets"][0]["vale"] = 10
    error = fail(tmp_path, doc)
    assert error.path == "assets[0].vale"
    assert "unknown field" in str(error)
    assert "did you mean 'value'?" in str(error)


def test_unknown_threat_type(tmp_path):
    doc = kyiv()
    doc["raid"]["waves"][0]["threat"] = "shahed-13"
    error = fail(tmp_path, doc)
    assert error.path == "raid.waves[0].threat"
    assert "unknown threat type 'shahed-13'" in str(error)
    assert "did you mean 'shahed-1" in str(error)


def test_unknown_target_asset(tmp_path):
    doc = kyiv()
    doc["raid"]["waves"][3]["targets"] = ["Kiev CHP-5", "Trypilskaa"]
    error = fail(tmp_path, doc)
    assert error.path == "raid.waves[3].targets[1]"
    assert "unknown asset 'Trypilskaa'" in str(error)
    assert "did you mean 'Trypilska'?" in str(error)


def test_unknown_launch_area(tmp_path):
    doc = kyiv()
    doc["raid"]["waves"][0]["launch"] = "kursc"
    error = fail(tmp_path, doc)
    assert error.path == "raid.waves[0].launch"
    assert "unknown launch area 'kursc'" in str(error)
    assert "did you mean 'kursk'?" in str(error)


def test_unknown_effector_type(tmp_path):
    doc = kyiv()
    doc["fire_units"][1]["type"] = "iris-t-slx"
    error = fail(tmp_path, doc)
    assert error.path == "fire_units[1].type"
    assert "unknown effector type 'iris-t-slx'" in str(error)
    assert "did you mean 'iris-t-slm'?" in str(error)


def test_unknown_munition_in_stock(tmp_path):
    doc = kyiv()
    doc["fire_units"][0]["stock"] = {"pac-3-mse": 16, "pac-2-gem": 16}
    error = fail(tmp_path, doc)
    assert error.path == "fire_units[0].stock.pac-2-gem"
    assert "unknown munition of patriot 'pac-2-gem'" in str(error)
    assert "did you mean 'pac-2-gem-t'?" in str(error)


def test_negative_count(tmp_path):
    doc = kyiv()
    doc["raid"]["waves"][2]["count"] = -5
    error = fail(tmp_path, doc)
    assert error.path == "raid.waves[2].count"
    assert "greater than or equal to 1" in str(error) and "-5" in str(error)


def test_negative_stock(tmp_path):
    doc = kyiv()
    doc["fire_units"][0]["stock"] = {"pac-3-mse": -1, "pac-2-gem-t": 16}
    error = fail(tmp_path, doc)
    assert error.path == "fire_units[0]"
    assert "stock.pac-3-mse is -1" in str(error) and "0 or more" in str(error)


def test_position_outside_theatre(tmp_path):
    doc = kyiv()
    doc["fire_units"][3].update(lat=10.0, lon=10.0)
    error = fail(tmp_path, doc)
    assert error.path == "fire_units[3]"
    assert "from the theatre centre" in str(error)
    assert "theatre.radius_km" in str(error)


def test_stock_above_capacity(tmp_path):
    doc = kyiv()
    doc["fire_units"][3]["stock"] = {"35mm-burst": 10000}
    error = fail(tmp_path, doc)
    assert error.path == "fire_units[3].stock"
    assert "more than a gepard can hold" in str(error)
    assert "at most 1 launchers x 32 rounds = 32" in str(error)


def test_unit_with_no_rounds(tmp_path):
    doc = kyiv()
    doc["fire_units"][3]["stock"] = {"35mm-burst": 0}
    doc["fire_units"][3]["magazine"] = {}
    error = fail(tmp_path, doc)
    assert error.path == "fire_units[3].stock"
    assert "no rounds and nothing to reload" in str(error)


def test_wave_that_cannot_reach(tmp_path):
    # Shahed-131: range 900 km; the Caspian Sea launch area is ~1,450 km from Kyiv.
    doc = kyiv()
    doc["raid"]["waves"][2].update(launch="caspian-sea", targets=["Kyiv"])
    error = fail(tmp_path, doc)
    assert error.path == "raid.waves[2].launch"
    assert "shahed-131 (range 900 km) can never reach its targets" in str(error)
    assert "'Kyiv'" in str(error)


def test_extends_loop(tmp_path):
    (tmp_path / "a.yaml").write_text("extends: b.yaml\nname: a\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: a.yaml\nname: b\n", encoding="utf-8")
    error = fail_path(tmp_path / "a.yaml")
    assert error.path == "extends"
    assert "loop" in str(error)
    assert "a.yaml -> b.yaml -> a.yaml" in str(error)


def test_not_utf8(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes(KYIV_TEXT.replace("Kyiv region", "Kyïv region").encode("latin-1"))
    error = fail_path(path)
    assert "not UTF-8" in str(error)


def test_empty_file(tmp_path):
    error = fail_text(tmp_path, "")
    assert "empty" in str(error)


def test_comment_only_file(tmp_path):
    error = fail_text(tmp_path, "# nothing here\n")
    assert "empty" in str(error)


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_nan_and_inf(tmp_path, value):
    text = KYIV_TEXT.replace("  radius_km: 1800", f"  radius_km: {value}", 1)
    assert text != KYIV_TEXT
    error = fail_text(tmp_path, text)
    assert error.path == "theatre.radius_km"
    assert "finite" in str(error)


def test_nan_in_position(tmp_path):
    doc = kyiv()
    doc["sensors"][0]["lat"] = float("nan")
    error = fail(tmp_path, doc)
    assert error.path == "sensors[0].lat"
    assert "finite" in str(error)


def test_magazine_too_large(tmp_path):
    doc = kyiv()
    doc["fire_units"][3]["magazine"] = {"35mm-burst": 2**70}
    error = fail(tmp_path, doc)
    assert error.path == "fire_units[3].magazine.35mm-burst"
    assert "at most 1,000,000,000 rounds" in str(error)
