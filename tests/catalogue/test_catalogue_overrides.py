"""Scenario overrides of the catalogue."""

import pytest

from airshield.catalogue import load_catalogue
from airshield.catalogue.figures import OVERRIDE

NEW_THREAT = {
    "name": "Test drone", "class": "drone", "speed_kmh": 120, "cruise_altitude_m": 500,
    "altitude_spread_m": 100, "range_km": 300, "warhead_kg": 5, "unit_cost_usd": 1000,
    "rcs_m2": 0.005, "failure_rate": 0.1, "cep_m": 30, "lethal_radius_m": 5,
    "route": "direct", "ew_susceptible": True,
}


def test_plain_value_overrides_with_provenance():
    cat = load_catalogue({"threats": {"shahed-136": {"speed_kmh": 190}}})
    shahed = cat.threats["shahed-136"]
    assert shahed.speed == pytest.approx(190 / 3.6)
    assert shahed.provenance["speed_kmh"] == OVERRIDE == "scenario override"
    assert shahed.provenance["range_km"].startswith("source:")
    assert load_catalogue().threats["shahed-136"].speed == pytest.approx(170 / 3.6)


def test_figure_override_keeps_given_source():
    cat = load_catalogue({"threats": {"kh-101": {"rcs_m2": {"value": 0.02,
                                                               "assumption": "test"}}}})
    assert cat.threats["kh-101"].rcs == 0.02
    assert cat.threats["kh-101"].provenance["rcs_m2"] == "assumption: test"


def test_new_threat_type():
    cat = load_catalogue({"threats": {"test-drone": NEW_THREAT}})
    drone = cat.get_threat("test-drone")
    assert drone.range == 300e3 and drone.route == "direct"
    assert drone.provenance["speed_kmh"] == OVERRIDE
    assert "shahed-136" in cat.threats


def test_munition_override_merges_per_field_and_class():
    cat = load_catalogue({"effectors": {"patriot": {"munitions": {
        "pac-3-mse": {"cost_per_shot_usd": 4000000, "pk": {"drone": 0.7, "decoy": None}}}}}})
    pac3 = cat.get_effector("patriot").munition("pac-3-mse")
    assert pac3.cost_per_shot_usd == 4e6 and pac3.pk["drone"] == 0.7
    assert not pac3.can_engage("decoy") and pac3.can_engage("ballistic")
    assert pac3.range_max == 40e3
    assert pac3.provenance["pk.drone"] == OVERRIDE


def test_new_munition_and_radar_reference():
    new = {"name": "Test rocket", "range_min_km": 0.5, "range_max_km": 6,
           "altitude_min_m": 0, "altitude_max_m": 3000, "max_target_speed_kmh": 600,
           "speed_kmh": 2000, "cost_per_shot_usd": 27000, "pk": {"drone": 0.8}}
    cat = load_catalogue({"effectors": {"mobile-fire-group": {
        "radar": "gepard-radar", "munitions": {"apkws": new}}}})
    mfg = cat.get_effector("mobile-fire-group")
    assert mfg.radar == "gepard-radar"
    assert {m.key for m in mfg.munitions} == {"hmg-burst", "apkws"}
    assert mfg.munition("apkws").range_max == 6000.0
