"""``run.tracking: sensors``: engagements on firm tracks from simulated plots.

Runs end to end, keeps the EventLog's conservation laws, is deterministic for a seed, logs
track events, and can only cost intercepts against ideal detection windows.
"""

import numpy as np
import pandas as pd
import pytest
import yaml

from airshield.engine import EVENT_KINDS, run_replication
from airshield.scenario.builtin import builtin_path
from airshield.world import load_world
from engine_testkit import LON, STEADY_DRONE, TERMINAL, check_conservation, drone_wave, world_of

SEEDS = (1, 2)


def _kyiv(mode: str):
    doc = yaml.safe_load(builtin_path("kyiv-small").read_text())
    doc["run"] = {**doc.get("run", {}), "tracking": mode}
    return load_world(text=yaml.safe_dump(doc))


@pytest.fixture(scope="module")
def worlds():
    return {mode: _kyiv(mode) for mode in ("ideal", "sensors")}


@pytest.fixture(scope="module")
def logs(worlds):
    return {mode: [run_replication(world, seed) for seed in SEEDS] for mode, world in worlds.items()}


def test_schema_accepts_sensor_mode(worlds):
    assert worlds["sensors"].run.tracking == "sensors"
    assert worlds["ideal"].run.tracking == "ideal"
    assert {"track_confirm", "track_lost"} <= set(EVENT_KINDS)


def test_sensor_mode_conserves_and_logs_track_events(worlds, logs):
    for log in logs["sensors"]:
        counts = check_conservation(worlds["sensors"], log)
        assert counts["launch"] == sum(counts.get(k, 0) for k in TERMINAL)
        confirms = log[log["kind"] == "track_confirm"]
        assert len(confirms) > 0.8 * counts["detect"]
        assert (log["kind"] == "track_lost").sum() >= 0
        # every engaged threat was held on a firm track before its engagement
        first_confirm = confirms.groupby("threat")["time"].min()
        engage = log[log["kind"] == "engage"]
        assert set(engage["threat"]) <= set(first_confirm.index)
        held_since = first_confirm.reindex(engage["threat"]).to_numpy()
        assert (engage["time"].to_numpy() >= held_since - 1e-9).all()
        # no track event after the threat's end; positions are given
        ends = log[log["kind"].isin(TERMINAL)].set_index("threat")["time"]
        tracked = log[log["kind"].isin(["track_confirm", "track_lost"])]
        assert (tracked["time"].to_numpy() <= ends.reindex(tracked["threat"]).to_numpy() + 1e-9).all()
        assert tracked[["x", "y", "z"]].notna().all().all()
    assert not any((log["kind"].isin(["track_confirm", "track_lost"])).any() for log in logs["ideal"])


def test_sensor_mode_is_deterministic(worlds, logs):
    again = run_replication(worlds["sensors"], SEEDS[0])
    pd.testing.assert_frame_equal(logs["sensors"][0], again)
    assert not logs["sensors"][0].equals(logs["sensors"][1])


def test_tracks_only_cost_intercepts(logs):
    kills = {mode: np.mean([(log["kind"] == "kill").sum() for log in runs]) for mode, runs in logs.items()}
    assert kills["sensors"] <= kills["ideal"]
    assert kills["sensors"] > 0.5 * kills["ideal"]  # a working tracker: most intercepts remain
    # a firm track comes after the first plot, and after the first ideal detection on average
    for ideal, sensors in zip(logs["ideal"], logs["sensors"]):
        confirm = sensors[sensors["kind"] == "track_confirm"].groupby("threat")["time"].min()
        detect = ideal[ideal["kind"] == "detect"].set_index("threat")["time"]
        both = confirm.index.intersection(detect.index)
        assert (confirm[both] - detect[both]).mean() > 0


def _observed_gun(mode: str, p_detect: float):
    """Drones fly over a machine-gun team (no radar) whose only sensor is an observer post."""
    catalogue = {"threats": STEADY_DRONE, "sensors": {"observer-post": {"p_detect": p_detect}}}
    return world_of(waves=[drone_wave(12, duration_min=30)], catalogue=catalogue,
                    run={"tracking": mode, "replications": 1},
                    sensors=[{"name": "post", "type": "observer-post", "lat": 50.2, "lon": LON}],
                    fire_units=[{"name": "mfg", "type": "mobile-fire-group", "lat": 50.2, "lon": LON}])


def test_tiny_detection_probability_costs_engagements_with_tracks():
    """Ideal mode needs one lucky scan; a track needs 3 plots in 5 looks."""
    engaged = {}
    for mode in ("ideal", "sensors"):
        world = _observed_gun(mode, 0.1)
        runs = [run_replication(world, seed) for seed in range(3)]
        for log in runs:
            check_conservation(world, log)
        engaged[mode] = sum(int((log["kind"] == "engage").sum()) for log in runs)
    assert engaged["ideal"] > 0
    assert engaged["sensors"] < engaged["ideal"]
