"""Wrong input is an InputError naming the path and what was expected."""

import pytest

from airshield.catalogue import load_catalogue
from airshield.errors import InputError

FILE = "scenario.yaml"


def _error(overrides) -> InputError:
    with pytest.raises(InputError) as err:
        load_catalogue(overrides, file=FILE)
    assert err.value.file == FILE
    return err.value


def test_unknown_field_suggests():
    err = _error({"threats": {"shahed-136": {"sped_kmh": 190}}})
    assert err.path == "catalogue.threats.shahed-136.sped_kmh"
    assert "speed_kmh" in err.hint


def test_wrong_type():
    err = _error({"threats": {"shahed-136": {"speed_kmh": "fast"}}})
    assert err.path == "catalogue.threats.shahed-136.speed_kmh"
    assert "number" in err.expected and "km/h" in err.expected


def test_bool_is_not_a_number():
    err = _error({"threats": {"shahed-136": {"warhead_kg": True}}})
    assert err.path == "catalogue.threats.shahed-136.warhead_kg"


def test_negative_speed():
    err = _error({"threats": {"shahed-136": {"speed_kmh": -5}}})
    assert err.path == "catalogue.threats.shahed-136.speed_kmh"
    assert "out of range" in str(err)


def test_pk_above_one():
    err = _error({"effectors": {"patriot": {"munitions": {"pac-3-mse": {"pk": {"drone": 1.5}}}}}})
    assert err.path == "catalogue.effectors.patriot.munitions.pac-3-mse.pk.drone"
    assert "0 to 1" in err.expected


def test_unknown_class():
    err = _error({"threats": {"shahed-136": {"class": "dron"}}})
    assert err.path == "catalogue.threats.shahed-136.class"
    assert "drone" in err.hint
    err = _error({"effectors": {"nasams": {"munitions": {"amraam": {"pk": {"balistic": 0.1}}}}}})
    assert err.path == "catalogue.effectors.nasams.munitions.amraam.pk.balistic"
    assert "ballistic" in err.hint


def test_unknown_radar_key():
    err = _error({"effectors": {"gepard": {"radar": "gepard-radr"}}})
    assert err.path == "catalogue.effectors.gepard.radar"
    assert "gepard-radar" in err.hint


def test_new_type_missing_fields_suggests_existing_key():
    err = _error({"threats": {"shahed-13": {"speed_kmh": 190}}})
    assert err.path == "catalogue.threats.shahed-13"
    assert "shahed-136" in err.hint and "range_km" in str(err)


def test_unknown_section_and_bad_figure_key():
    err = _error({"threat": {}})
    assert err.path == "catalogue.threat" and "threats" in err.hint
    err = _error({"threats": {"kh-101": {"rcs_m2": {"value": 1, "sorce": "x"}}}})
    assert err.path == "catalogue.threats.kh-101.rcs_m2.sorce" and "source" in err.hint


def test_ordered_limits():
    err = _error({"effectors": {"nasams": {"munitions": {"amraam": {"range_min_km": 50}}}}})
    assert err.path == "catalogue.effectors.nasams.munitions.amraam.range_min_km"


def test_shipped_figure_needs_provenance():
    from airshield.catalogue.fields import THREAT_FIELDS
    from airshield.catalogue.flatten import flatten_entry
    with pytest.raises(InputError) as err:
        flatten_entry({"speed_kmh": 100}, THREAT_FIELDS, "catalogue.threats.x", "threats.yaml",
                      shipped=True)
    assert err.value.path == "catalogue.threats.x.speed_kmh"
    assert "source or assumption" in str(err.value)


def test_field_tables_use_known_kinds():
    from airshield.catalogue.fields import KINDS
    from airshield.catalogue.sections import SECTIONS
    from airshield.catalogue.fields import MUNITION_FIELDS
    for fields in [s.fields for s in SECTIONS] + [MUNITION_FIELDS]:
        assert all(spec.kind in KINDS for spec in fields)
        assert len({spec.key for spec in fields}) == len(fields)
