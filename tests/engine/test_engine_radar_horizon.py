"""Radar horizon: a sea-skimming cruise missile is first seen near d = 4.12 (sqrt(h1) + sqrt(h2)) km."""

import math

import numpy as np
import pytest

from airshield.engine import run_replication
from engine_testkit import LON, world_of

RADAR_LAT = 49.0
SCAN = 1.0   # [s]


def _world(antenna: float):
    catalogue = {
        "threats": {"kh-101": {"cruise_altitude_m": 30, "altitude_spread_m": 0, "failure_rate": 0}},
        "sensors": {"surveillance-radar": {"range_km": 4000, "p_detect": 1.0, "scan_period_s": SCAN}},
    }
    wave = {"threat": "kh-101", "count": 1, "launch": {"lat": 47.5, "lon": LON, "radius_km": 0},
            "start_min": 0, "duration_min": 0, "route": "direct"}
    radar = {"name": "radar", "type": "surveillance-radar", "lat": RADAR_LAT, "lon": LON,
             "antenna_height_m": antenna}
    return world_of(waves=[wave], sensors=[radar], catalogue=catalogue)


@pytest.mark.parametrize("antenna", [10.0, 100.0])
def test_first_detection_within_radar_horizon(antenna):
    world = _world(antenna)
    assert world.sensors.z[0] == antenna
    assert world.threat_types.altitude[0] == 30.0
    horizon = 4.12 * (math.sqrt(antenna) + math.sqrt(30.0)) * 1000.0   # [m]
    speed = float(world.threat_types.speed[0])
    radar_xy = np.array([world.sensors.x[0], world.sensors.y[0]])
    launch_xy = np.array([world.waves.x[0], world.waves.y[0]])
    assert np.linalg.norm(radar_xy - launch_xy) > 2 * horizon   # it flies in from far beyond the horizon
    for seed in range(3):
        log = run_replication(world, seed)
        detect = log[log["kind"] == "detect"]
        assert len(detect) == 1
        first = detect.iloc[0]
        assert first["z"] == pytest.approx(30.0)
        distance = math.hypot(first["x"] - radar_xy[0], first["y"] - radar_xy[1])
        # 4.12 is the 4/3-Earth coefficient rounded: allow 0.2 %; one scan of travel on the near side
        assert distance <= horizon * 1.002
        assert distance >= horizon * 0.998 - speed * SCAN
        # seen on the way in, before overflying the radar
        assert np.dot(radar_xy - [first["x"], first["y"]], radar_xy - launch_xy) > 0
