"""Bad carrier input: each gives one InputError naming the file, the field path and what was
expected; the CLI exits with code 2."""

import pytest
import yaml

from airshield.cli.main import main
from airshield.errors import InputError
from airshield.world import load_world


def doc(**wave) -> dict:
    base = {"threat": "fab-500-umpk", "count": 4, "launch": "belgorod",
            "carrier": {"type": "su-34", "base": "baltimor"}}
    return {"name": "bad-carrier", "assets": [{"name": "Kharkiv"}], "raid": {"waves": [{**base, **wave}]}}


def fail(tmp_path, document) -> InputError:
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_world(path)
    assert "bad.yaml" in str(info.value)
    return info.value


def test_a_valid_carrier_wave_compiles(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_text(yaml.safe_dump(doc()), encoding="utf-8")
    world = load_world(path)
    assert world.threat_count == 4 + 1 and world.waves.sorties.tolist() == [1]


def test_carrier_without_the_weapon(tmp_path):
    error = fail(tmp_path, doc(threat="kh-101"))
    assert error.path == "raid.waves[0].carrier.type"
    assert "su-34 does not carry kh-101" in str(error) and "tu-95ms" in str(error)


def test_unknown_aircraft_type_and_an_aircraft_as_a_weapon(tmp_path):
    assert fail(tmp_path, doc(carrier={"type": "su-43", "base": "baltimor"})).path == "raid.waves[0].carrier.type"
    assert fail(tmp_path, doc(threat="su-34", carrier=None)).path == "raid.waves[0].threat"


def test_release_range_beyond_the_weapons_reach(tmp_path):
    document = doc()
    document["catalogue"] = {"threats": {"su-34": {"weapons": {"fab-500-umpk": {"release_range_max_km": 90}}}}}
    error = fail(tmp_path, document)
    assert error.path == "catalogue.threats.su-34.weapons.fab-500-umpk.release_range_max_km"
    assert "beyond the reach" in str(error) and "70" in str(error.expected)


def test_base_outside_the_theatre_and_beyond_the_carriers_range(tmp_path):
    olenya = doc(carrier={"type": "su-34", "base": {"lat": 68.15, "lon": 33.46}})
    error = fail(tmp_path, olenya)
    assert error.path == "raid.waves[0].carrier.base" and "theatre" in str(error.expected)
    olenya["theatre"] = {"radius_km": 2500}
    error = fail(tmp_path, olenya)
    assert error.path == "raid.waves[0].carrier.base" and "cannot fly" in str(error)


def test_glide_bomb_needs_a_carrier_and_weapons_only_on_aircraft(tmp_path):
    assert fail(tmp_path, doc(carrier=None)).path == "raid.waves[0].carrier"
    document = doc()
    document["catalogue"] = {"threats": {"kh-22": {"weapons": {"kh-101": {
        "per_sortie": 1, "release_range_min_km": 1, "release_range_max_km": 2, "release_altitude_m": 1}}}}}
    assert fail(tmp_path, document).path == "catalogue.threats.kh-22.weapons"


def _beyond_reach() -> dict:
    document = doc()
    document["catalogue"] = {"threats": {"su-34": {"weapons": {"fab-500-umpk": {"release_range_max_km": 90}}}}}
    return document


BAD = {  # the three of issue 16, item 6, and the field each message must name
    "weapon not carried": (doc(threat="kh-101"), "raid.waves[0].carrier.type"),
    "release beyond reach": (_beyond_reach(), "catalogue.threats.su-34.weapons.fab-500-umpk.release_range_max_km"),
    "base outside the theatre": (doc(carrier={"type": "su-34", "base": {"lat": 68.15, "lon": 33.46}}),
                                 "raid.waves[0].carrier.base"),
}


@pytest.mark.parametrize("command", ["validate", "run"])
@pytest.mark.parametrize("case", sorted(BAD))
def test_cli_exits_2_on_a_bad_carrier(capsys, tmp_path, case, command):
    document, field = BAD[case]
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(document), encoding="utf-8")
    extra = ["-n", "1", "--no-store"] if command == "run" else []
    assert main([command, str(path), *extra]) == 2
    err = capsys.readouterr().err
    assert field in err and "bad.yaml" in err and "Traceback" not in err
