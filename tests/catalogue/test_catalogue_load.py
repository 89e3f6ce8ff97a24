"""The shipped catalogue: keys, SI conversion, engagement envelopes."""

import pickle

import pytest

from airshield.catalogue import THREAT_CLASSES, load_catalogue
from airshield.errors import InputError

THREATS = ["shahed-136", "shahed-131", "gerbera", "geran-3", "kh-101", "kh-555", "kalibr",
           "kh-59", "kh-22", "iskander-m", "kn-23", "iskander-k", "kinzhal", "s-300-ground",
           "tu-95ms", "tu-160", "tu-22m3", "mig-31k", "su-34", "su-35",
           "fab-500-umpk", "fab-1500-umpk", "upab-1500b"]
EFFECTORS = ["patriot", "iris-t-slm", "nasams", "samp-t", "s-300ps", "buk-m1", "gepard",
             "skynex", "mobile-fire-group", "interceptor-drone-team", "fighter-patrol"]
MUNITIONS = {"patriot": {"pac-3-mse", "pac-2-gem-t"}, "iris-t-slm": {"iris-t"},
             "nasams": {"amraam"}, "samp-t": {"aster-30"}, "s-300ps": {"5v55"},
             "buk-m1": {"9m38"}, "gepard": {"35mm-burst"}, "skynex": {"ahead-burst"},
             "mobile-fire-group": {"hmg-burst"}, "interceptor-drone-team": {"sting"},
             "fighter-patrol": {"aim-9-aim-120"}}
SENSORS = ["surveillance-radar", "patriot-radar", "iris-t-radar", "nasams-radar",
           "samp-t-radar", "s-300-radar", "buk-radar", "gepard-radar", "skynex-radar",
           "acoustic-node", "observer-post"]


def test_all_keys_present():
    cat = load_catalogue()
    assert set(cat.threats) == set(THREATS)
    assert set(cat.effectors) == set(EFFECTORS)
    assert set(SENSORS) <= set(cat.sensors)
    assert {"ew-jammer", "ew-heavy"} <= set(cat.ew)
    for key, munitions in MUNITIONS.items():
        assert {m.key for m in cat.effectors[key].munitions} == munitions


def test_names_and_classes():
    cat = load_catalogue()
    assert cat.threats["kh-59"].name == "Kh-59/Kh-69"
    assert cat.threats["s-300-ground"].threat_class == "ballistic"
    assert cat.threats["iskander-k"].threat_class == "cruise"
    assert cat.threats["kinzhal"].threat_class == "aeroballistic"
    assert all(t.threat_class in THREAT_CLASSES for t in cat.threats.values())


def test_si_conversion():
    cat = load_catalogue()
    shahed = cat.get_threat("shahed-136")
    assert shahed.speed == pytest.approx(170 / 3.6)
    assert shahed.range == pytest.approx(2000 * 1000)
    radar = cat.get_sensor("surveillance-radar")
    assert radar.azimuth_sigma == pytest.approx(0.5 * 3.141592653589793 / 180)
    assert cat.get_effector("patriot").munition("pac-3-mse").range_max == pytest.approx(40e3)


def test_engagement_classes():
    cat = load_catalogue()
    pac3 = cat.get_effector("patriot").munition("pac-3-mse")
    assert pac3.can_engage("ballistic") and pac3.can_engage("aeroballistic")
    amraam = cat.get_effector("nasams").munition("amraam")
    assert not amraam.can_engage("ballistic") and amraam.pk_against("ballistic") == 0.0
    assert not cat.get_effector("iris-t-slm").munition("iris-t").can_engage("aeroballistic")
    sting = cat.get_effector("interceptor-drone-team").munition("sting")
    assert sting.pk["drone"] == 0.5 and set(sting.pk) == {"drone", "decoy"}


def test_capacity_and_radar_refs():
    cat = load_catalogue()
    assert cat.get_effector("iris-t-slm").capacity == 24
    assert cat.get_effector("gepard").capacity == 32
    assert cat.get_effector("mobile-fire-group").radar is None
    for effector in cat.effectors.values():
        assert effector.radar is None or effector.radar in cat.sensors


def test_unknown_type_lookup_suggests():
    with pytest.raises(InputError) as err:
        load_catalogue().get_threat("shahed-163")
    assert "shahed-136" in str(err.value)
    assert err.value.path == "catalogue.threats"


def test_records_are_immutable_hashable_picklable():
    cat = load_catalogue()
    shahed = cat.threats["shahed-136"]
    with pytest.raises(AttributeError):
        shahed.speed = 1.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        cat.threats["x"] = shahed  # type: ignore[index]
    hash(cat.get_effector("patriot"))
    assert pickle.loads(pickle.dumps(cat)) == cat
    assert load_catalogue() is cat
