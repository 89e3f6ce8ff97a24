"""The engine's contract, each case derived by hand from the catalogue figures (and overrides).

- a unit that starts empty with a full magazine reloads at its reload time, then fires;
- a threat aims only at targets within its range, and falls short at range / speed after launch;
- threats still flying at the horizon end ``in_flight`` there; later launches do not happen;
- after a miss, the threat is assessed for ``look`` s and engaged again on the C2 grid;
- air-launched aeroballistic missiles are launched at their release altitude.
"""

import math

import numpy as np
import pytest

from airshield.analysis import replication_metrics
from airshield.engine import run_replication
from engine_testkit import LON, SHARP_RADAR, STEADY_DRONE, check_conservation, drone_wave, watch_radar, world_of

GEPARD_LAT = 49.9
KMH = 1 / 3.6
SHAHED_SPEED = 170 * KMH  # catalogue shahed-136 speed [m/s]


def _gun_world(fire_unit: dict, catalogue: dict | None = None, waves=None, **extra):
    catalogue = {"threats": STEADY_DRONE, "sensors": SHARP_RADAR, **(catalogue or {})}
    return world_of(waves=waves or [drone_wave(1)], catalogue=catalogue, sensors=[watch_radar(GEPARD_LAT)],
                    fire_units=[{"name": "gepard-1", "type": "gepard", "lat": GEPARD_LAT, "lon": LON, **fire_unit}],
                    **extra)


def test_empty_unit_reloads_at_its_reload_time_then_fires():
    # reload_s 300 (override); capacity 1 launcher x 32 rounds; magazine 10 -> one reload of 10
    world = _gun_world({"stock": {"35mm-burst": 0}, "magazine": {"35mm-burst": 10}},
                       {"effectors": {"gepard": {"reload_s": 300}}})
    log = run_replication(world, 1)
    reload = log[log["kind"] == "reload"]
    assert len(reload) == 1
    assert reload["time"].iloc[0] == pytest.approx(300.0)
    assert reload["rounds"].iloc[0] == 10
    engage = log[log["kind"] == "engage"]
    assert len(engage) >= 1 and engage["time"].min() > 300.0
    check_conservation(world, log)


def test_empty_unit_whose_reload_ends_after_the_raid_never_fires():
    world = _gun_world({"stock": {"35mm-burst": 0}, "magazine": {"35mm-burst": 10}},
                       {"effectors": {"gepard": {"reload_s": 20_000}}})
    log = run_replication(world, 1)
    assert (log["kind"] == "engage").sum() == 0
    assert log.loc[log["kind"] == "reload", "time"].tolist() == [pytest.approx(20_000.0)]
    assert (log["kind"] == "impact").sum() == 1


def _strip_world(assets, wave, rng_km=100):
    threats = {"shahed-136": {**STEADY_DRONE["shahed-136"], "range_km": rng_km}}
    return world_of(waves=[wave], assets=assets, catalogue={"threats": threats})


def test_threats_aim_only_at_targets_within_range():
    # Near is 0.8 deg of latitude (~89 km) north of the launch, Far 1.35 deg (~150 km); range 100 km
    assets = [{"name": "Near", "lat": 50.3, "lon": LON, "value": 10, "radius_km": 0.5},
              {"name": "Far", "lat": 50.85, "lon": LON, "value": 1000, "radius_km": 0.5}]
    wave = dict(drone_wave(40), targets=["Near", "Far"], target_choice="value")
    world = _strip_world(assets, wave)
    log = run_replication(world, 2)
    assert (log["kind"] == "impact").sum() == 40
    damage = log[log["kind"] == "damage"]
    assert set(damage["asset"]) == {0}
    assert (log["kind"] == "failure").sum() == 0


def test_threat_beyond_its_range_falls_short_at_range_over_speed():
    # one asset 95 km north of a 30 km launch disc; range 100 km: those launched more than
    # ~100 km away run dry at launch + 100 km / 47.2 m/s = launch + 2117.6 s
    assets = [{"name": "Edge", "lat": 50.355, "lon": LON, "value": 10, "radius_km": 0.05}]
    wave = dict(drone_wave(60), launch={"lat": 49.5, "lon": LON, "radius_km": 30})
    world = _strip_world(assets, wave)
    log = run_replication(world, 3)
    check_conservation(world, log)
    launch = log[log["kind"] == "launch"].set_index("threat")
    target = np.array([world.assets.x[0], world.assets.y[0]])
    distance = np.hypot(launch["x"] - target[0], launch["y"] - target[1])
    failed = log[log["kind"] == "failure"].set_index("threat")
    impacts = log[log["kind"] == "impact"].set_index("threat")
    assert len(failed) > 5 and len(impacts) > 5
    dry = 100e3 / SHAHED_SPEED
    assert np.allclose(failed["time"] - launch.loc[failed.index, "time"], dry, atol=1e-6)
    assert (distance[failed.index] > 99e3).all()
    assert (distance[impacts.index] < 100e3).all()
    assert set(log.loc[log["kind"] == "damage", "threat"]) <= set(impacts.index)


def test_threats_flying_at_the_horizon_end_in_flight_and_later_launches_do_not_happen():
    # 10 drones 300 km from their target at 47.2 m/s need ~6,350 s; the horizon is 1,800 s; a
    # second wave starting at 45 min is never launched
    assets = [{"name": "Target", "lat": 52.2, "lon": LON, "value": 100, "radius_km": 0.05}]
    late = dict(drone_wave(5), start_min=45)
    world = world_of(waves=[drone_wave(10), late], assets=assets, catalogue={"threats": STEADY_DRONE},
                     run={"horizon_h": 0.5})
    log = run_replication(world, 4)
    counts = check_conservation(world, log)
    assert counts["launch"] == 10 and counts["in_flight"] == 10
    flying = log[log["kind"] == "in_flight"]
    assert (flying["time"] == 1800.0).all()
    # at the horizon they cruise at 1,000 m, about 1,800 s x 47.2 m/s = 85 km north (less the climb)
    north = flying["y"] - world.waves.y[0]
    assert ((north > 80e3) & (north < 85.1e3)).all() and np.allclose(flying["z"], 1000.0)
    metrics = replication_metrics(world, log)
    assert metrics.by_threat["shahed-136"]["launched"] == 10
    assert metrics.by_threat["shahed-136"]["in_flight"] == 10


def test_after_a_miss_the_threat_is_looked_at_then_engaged_again_on_the_grid():
    # pk 0.01: nearly every burst misses; one channel: the next engagement waits for the
    # intercept (channel free), then the look of 5 s, rounded up to the 2 s grid
    pk = {"effectors": {"gepard": {"munitions": {"35mm-burst": {"pk": {"drone": 0.01}}}}}}
    world = _gun_world({}, pk)
    settings = world.run.engine
    log = run_replication(world, 5)
    rows = log[log["kind"].isin(["engage", "miss"])].reset_index(drop=True)
    # while the drone's window leaves time to look and shoot again (its last ~60 s are shoot-shoot)
    first = rows.loc[0, "time"]
    rows = rows[rows["time"] < first + 120.0].reset_index(drop=True)
    pairs = 0
    for i in range(len(rows) - 2):
        if rows.loc[i, "kind"] == "engage" and rows.loc[i + 1, "kind"] == "miss" and rows.loc[i + 2, "kind"] == "engage":
            miss, again = rows.loc[i + 1, "time"], rows.loc[i + 2, "time"]
            assert again == math.ceil((miss + settings.look) / settings.c2_cycle) * settings.c2_cycle
            pairs += 1
    assert pairs >= 3


def test_air_launched_missiles_are_launched_at_release_altitude():
    wave = {"threat": "kinzhal", "count": 3, "launch": {"lat": 47.0, "lon": LON, "radius_km": 0},
            "start_min": 0, "duration_min": 0}
    world = world_of(waves=[wave], radius_km=800)
    log = run_replication(world, 6)
    launch = log[log["kind"] == "launch"]
    assert np.allclose(launch["z"], world.run.engine.aeroballistic_launch_altitude)
