"""Scenario caps are configurable and state the memory; the response cache rebuilds when files change."""

from __future__ import annotations

import threading

import pytest

from airshield.errors import InputError
from airshield.scenario import load_scenario
from airshield.scenario.limits import ScenarioLimits, check_document, estimated_bytes
from airshield.web.cache import ResponseCache, file_signature


def test_builtin_scenarios_are_inside_the_default_caps():
    for name in ("kyiv-small", "ukraine-national"):
        assert load_scenario(name).name == name


def test_caps_follow_the_environment(monkeypatch):
    monkeypatch.setenv("AIRSHIELD_MAX_THREATS", "100")
    with pytest.raises(InputError, match="over the limit of 100 .*MB of memory") as error:
        load_scenario("ukraine-national")
    assert error.value.path == "raid.waves" and "AIRSHIELD_MAX_THREATS" in error.value.expected
    monkeypatch.setenv("AIRSHIELD_MAX_THREATS", "1e6")
    monkeypatch.setenv("AIRSHIELD_MAX_UNITS", "50")
    with pytest.raises(InputError, match="fire units"):
        load_scenario("ukraine-national")


@pytest.mark.parametrize("value", ["0", "-5", "many", "inf", "nan"])
def test_a_bad_cap_value_is_named(monkeypatch, value):
    monkeypatch.setenv("AIRSHIELD_MAX_FILE_MB", value)
    with pytest.raises(InputError, match="AIRSHIELD_MAX_FILE_MB"):
        ScenarioLimits.from_env()


def test_malformed_counts_are_left_to_the_schema():
    document = {"raid": {"waves": [{"count": True}, {"count": "9" * 50}, {"count": -4}, "x"]}, "fire_units": "x"}
    check_document(document, file="f.yaml", limits=ScenarioLimits(max_threats=1, max_units=1))


def test_memory_estimate_grows_with_pairs():
    assert estimated_bytes(1000, 100) > estimated_bytes(1000, 10) > estimated_bytes(100, 10) > 0


def test_cache_builds_once_and_rebuilds_when_the_file_changes(tmp_path):
    source = tmp_path / "meta.json"
    source.write_text("1")
    cache, builds = ResponseCache(size=2), []

    def build() -> bytes:
        builds.append(1)
        return source.read_bytes()

    threads = [threading.Thread(target=cache.bytes, args=("k", file_signature([source]), build)) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    source.write_text("22")
    assert cache.bytes("k", file_signature([source]), build) == b"22" and len(builds) == 2
    for key in ("a", "b", "c"):
        cache.bytes(key, (), lambda: b"x")
    assert cache.bytes("k", file_signature([source]), build) == b"22" and len(builds) == 3  # evicted, rebuilt
