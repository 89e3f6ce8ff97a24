"""Analytic case: one Shahed on a direct route over a Gepard; first engagement time by hand."""

import math

import numpy as np
import pytest

from airshield.engine import run_replication
from airshield.world import EngineSettings
from airshield.kinematics.routes import CLIMB_PER_ALT, MIN_CLIMB
from engine_testkit import LON, SHARP_RADAR, STEADY_DRONE, drone_wave, watch_radar, world_of

GEPARD_LAT = 49.9   # ~44 km north of the launch point at 49.5: the drone is long at cruise altitude


def _world(linked: bool = True, sensors=None, extra_catalogue=None):
    catalogue = {"threats": STEADY_DRONE, "sensors": dict(SHARP_RADAR, **(extra_catalogue or {}))}
    return world_of(waves=[drone_wave(1)], catalogue=catalogue, linked=linked,
                    sensors=[watch_radar(GEPARD_LAT)] if sensors is None else sensors,
                    fire_units=[{"name": "gepard-1", "type": "gepard", "lat": GEPARD_LAT, "lon": LON}])


def _entry_time(world, radius: float) -> float:
    """Time [s] the drone first comes within 3D distance ``radius`` [m] of the gepard."""
    launch = np.array([world.waves.x[0], world.waves.y[0]])
    target = np.array([world.assets.x[0], world.assets.y[0]])
    gun = np.array([world.units.x[0], world.units.y[0]])
    along_dir = (target - launch) / np.linalg.norm(target - launch)
    rel = gun - launch
    along = float(rel @ along_dir)
    cross = abs(float(rel[0] * along_dir[1] - rel[1] * along_dir[0]))
    h = float(world.threat_types.altitude[0])
    v = float(world.threat_types.speed[0])
    climb = max(MIN_CLIMB, CLIMB_PER_ALT * h)
    entry_along = along - math.sqrt(radius ** 2 - h ** 2 - cross ** 2)
    assert entry_along > climb, "the drone must be at cruise altitude when it enters"
    return float(world.waves.start[0]) + math.hypot(climb, h) / v + (entry_along - climb) / v


def test_geometry_is_as_intended():
    world = _world()
    assert world.threat_types.altitude[0] == 1000.0
    assert world.waves.duration[0] == 0.0 and world.waves.spread[0] == 0.0
    assert not world.waves.dogleg[0]
    gun = np.array([world.units.x[0], world.units.y[0]])
    launch = np.array([world.waves.x[0], world.waves.y[0]])
    target = np.array([world.assets.x[0], world.assets.y[0]])
    d = target - launch
    cross = abs((gun - launch)[0] * d[1] - (gun - launch)[1] * d[0]) / np.linalg.norm(d)
    assert cross < 50.0   # the gun sits on the straight line


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_first_engagement_when_drone_enters_gun_envelope(seed):
    world = _world()
    settings = world.run.engine
    log = run_replication(world, seed)
    engage = log[log["kind"] == "engage"]
    assert len(engage) >= 1
    first = engage.iloc[0]
    assert first["unit_name"] == "gepard-1" and first["munition"] == "35mm-burst"
    # detection is not the limit: the surveillance radar held the drone long before
    detect = log[log["kind"] == "detect"]["time"].iloc[0]
    reach = float(world.weapons.range_max[0])
    t_entry = _entry_time(world, reach)
    assert detect < t_entry - 60.0
    reaction = float(world.units.reaction[0])
    cycle = settings.c2_cycle
    # The engine fires as early as the burst would meet the drone at its envelope entry
    # (entry time - projectile flight time over range_max), once the unit has held the drone
    # for its reaction time; then rounds up to the C2 grid. Detection long before makes the
    # envelope the limit here.
    time_of_flight = reach / float(world.weapons.speed[0])
    earliest = max(detect + reaction, t_entry - time_of_flight)
    expected = math.ceil(earliest / cycle) * cycle
    assert abs(first["time"] - expected) <= cycle
    assert first["time"] >= earliest - 1e-6
    # the intercept happens inside the envelope, at about the entry time
    result = log[log["kind"].isin(["kill", "miss"])].iloc[0]
    assert t_entry - 1e-3 <= result["time"] <= t_entry + 2 * cycle
    slant = math.sqrt((result["x"] - world.units.x[0]) ** 2 + (result["y"] - world.units.y[0]) ** 2
                      + result["z"] ** 2)
    speed = float(world.threat_types.speed[0])
    assert reach - 2 * cycle * speed <= slant <= reach + 1.0
    assert result["unit"] == first["unit"] and result["time"] > first["time"]


def test_unlinked_gun_waits_for_its_own_radar():
    """Unlinked, the gun sees a 0.01 m^2 drone only at 15 km x 0.01^(1/4) = ~4.74 km, inside its envelope."""
    world = _world(linked=False, extra_catalogue={"gepard-radar": {"p_detect": 1.0, "scan_period_s": 0.5}})
    own = world.units.own_sensor[0]
    rcs = float(world.threat_types.rcs[0])
    seen_at = float(world.sensors.range[own] * (rcs / world.sensors.reference_rcs[own]) ** 0.25)
    assert seen_at < float(world.weapons.range_max[0])
    t_seen = _entry_time(world, seen_at)
    cycle = EngineSettings().c2_cycle
    reaction = float(world.units.reaction[0])
    for seed in (0, 1):
        log = run_replication(world, seed)
        first = log[log["kind"] == "engage"]["time"].iloc[0]
        assert t_seen + reaction - 1e-6 <= first <= t_seen + 0.5 + reaction + cycle + 1e-6
