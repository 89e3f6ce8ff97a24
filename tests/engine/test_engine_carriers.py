"""Carriers and glide bombs against hand calculations: when and where a carrier releases, how long
a glide bomb glides, how a known SAM pushes the release line back, and what a shot-down carrier
no longer releases."""

import math

import numpy as np
import pytest

from airshield.engine import run_replication
from airshield.engine.draws import draw_threats
from airshield.engine.sorties import release_points
from airshield.engine.streams import ThreatStreams
from airshield.world import load_world

from engine_testkit import LON, check_conservation, scenario_text, world_of

STEADY_SU34 = {"su-34": {"altitude_spread_m": 0, "cruise_altitude_m": 10000, "speed_kmh": 900},
               "fab-500-umpk": {"failure_rate": 0, "cep_m": 0}}
SHARP = {"surveillance-radar": {"p_detect": 1.0, "scan_period_s": 1.0}}
BASE, AREA = (48.8, LON), (50.05, LON)  # the target is at 50.5 N: the area ~50 km short of it


def bomb_wave(count: int = 4, base=BASE, area=AREA) -> dict:
    return {"threat": "fab-500-umpk", "count": count, "launch": {"lat": area[0], "lon": LON, "radius_km": 0},
            "start_min": 10, "duration_min": 0, "carrier": {"type": "su-34", "base": {"lat": base[0], "lon": LON}}}


def patriot(known: bool, lat: float = 50.45) -> dict:
    return {"name": "forward", "type": "patriot", "lat": lat, "lon": LON, "known_to_attacker": known}


def world(fire_units=(), **extra):
    return world_of(waves=[bomb_wave()], fire_units=list(fire_units), catalogue={"threats": STEADY_SU34},
                    sensors=[{"name": "watch", "type": "surveillance-radar", "lat": 50.4, "lon": LON}], **extra)


def xy(w, lat):
    return np.array(w.projection.to_xy(np.float64(lat), np.float64(LON)), dtype=float)


def test_carrier_releases_at_the_hand_computed_time_and_place():
    w = world()
    draws = draw_threats(w, ThreatStreams.of(3), 15.0)
    assert draws.n == 4 + 1  # four bombs on one sortie of a Su-34 carrying four
    carrier = 4
    base, area, target = xy(w, BASE[0]), xy(w, AREA[0]), np.array([w.assets.x[0], w.assets.y[0]])
    distance = float(np.hypot(*(area - base)))
    # climb: 1.5 x 10 km horizontally while rising 10 km; then level to the release point, at 250 m/s
    climb = 15_000.0
    expected = 600.0 + (math.hypot(climb, 10_000.0) + distance - climb) / 250.0
    assert draws.release_time[carrier] == pytest.approx(expected, rel=1e-9)
    assert np.hypot(*(area - target)) == pytest.approx(np.hypot(*(draws.release_xy[carrier] - target)))
    np.testing.assert_allclose(draws.release_xy[carrier], area, atol=1e-6)  # 50 km: inside 40..65 km
    np.testing.assert_allclose(draws.launch_time[:4], expected, rtol=1e-12)
    np.testing.assert_allclose(draws.launch_xy[:4], np.tile(area, (4, 1)), atol=1e-6)
    assert (draws.parent[:4] == carrier).all() and draws.parent[carrier] == -1


def test_cruise_missiles_launch_where_and_when_their_bomber_releases_them():
    # 12 Kh-101 on Tu-95MS (8 a sortie): two sorties from a base 280 km south of the target, both
    # taking off at 10 min; the launch area 166 km short of the target is inside 100..2500 km
    base, area = (48.0, LON), (49.0, LON)
    bear = {"tu-95ms": {"altitude_spread_m": 0, "speed_kmh": 720}}
    w = world_of(waves=[{"threat": "kh-101", "count": 12, "launch": {"lat": area[0], "lon": LON, "radius_km": 0},
                         "start_min": 10, "duration_min": 0, "route": "direct",
                         "carrier": {"type": "tu-95ms", "base": {"lat": base[0], "lon": LON}}}],
                 catalogue={"threats": bear})
    draws = draw_threats(w, ThreatStreams.of(5), 15.0)
    assert draws.n == 12 + 2 and draws.parent[:8].tolist() == [12] * 8 and draws.parent[8:12].tolist() == [13] * 4
    leg = float(np.hypot(*(xy(w, area[0]) - xy(w, base[0]))))
    climb = 1.5 * 9000.0  # then level at 9 km to the release point, at 200 m/s
    expected = 600.0 + (math.hypot(climb, 9000.0) + leg - climb) / 200.0
    np.testing.assert_allclose(draws.release_time[12:], expected, rtol=1e-12)
    np.testing.assert_allclose(draws.release_xy[12:], np.tile(xy(w, area[0]), (2, 1)), atol=1e-6)
    log = run_replication(w, 5)
    launch = log[(log.kind == "launch") & (log.threat < 12)]
    assert len(launch) == 12
    np.testing.assert_allclose(launch.time, expected, rtol=1e-12)
    np.testing.assert_allclose(launch[["x", "y"]].to_numpy(), np.tile(xy(w, area[0]), (12, 1)), atol=1e-6)
    release = log[log.kind == "release"].sort_values("threat")
    assert release.threat.tolist() == [12, 13] and release.rounds.tolist() == [8, 4]
    check_conservation(w, log)


def test_glide_bomb_flies_its_ground_range_at_its_speed_from_the_release_altitude():
    w = world()
    log = run_replication(w, 3)
    launch = log[log.kind == "launch"].set_index("threat")
    impact = log[log.kind == "impact"].set_index("threat")
    assert set(impact.index) == {0, 1, 2, 3}
    for j in impact.index:
        ground = math.hypot(impact.x[j] - launch.x[j], impact.y[j] - launch.y[j])
        assert impact.time[j] - launch.time[j] == pytest.approx(ground / (700 / 3.6), rel=1e-9)
        assert launch.z[j] == pytest.approx(10_000.0)
    release = log[log.kind == "release"]
    assert len(release) == 1 and release.rounds.iloc[0] == 4 and release.time.iloc[0] == launch.time[0]
    assert (log[log.kind == "returned"].threat == 4).all() and (log.kind == "returned").sum() == 1
    check_conservation(w, log)


def test_release_line_moves_back_out_of_a_known_envelope_plus_the_standoff():
    aim = np.array([[0.0, 0.0]])
    area = np.array([[0.0, -50e3]])
    w = world([patriot(True)])
    unit = np.array([w.units.x[0], w.units.y[0]])
    target = np.array([[w.assets.x[0], w.assets.y[0]]])
    got = release_points(w, target, target + area - aim, np.array([40e3]), np.array([65e3]), np.array([10e3]))
    # PAC-2 GEM-T reaches 160 km: the release point is 170 km from the battery, on the same line
    assert np.hypot(*(got[0] - unit)) == pytest.approx(170e3, rel=1e-9)
    assert got[0, 0] == pytest.approx(target[0, 0], abs=1e-6) and got[0, 1] < target[0, 1] - 65e3
    unknown = world([patriot(False)])
    np.testing.assert_allclose(release_points(unknown, target, target + area, np.array([40e3]), np.array([65e3]),
                                              np.array([10e3])), target + area)


def test_known_sam_makes_the_bombs_fall_short_and_an_ambush_shoots_the_carrier_first():
    pushed = run_replication(world([patriot(True)]), 3)
    assert (pushed.kind == "impact").sum() == 0 and (pushed.kind == "failure").sum() == 4
    ambush_world = world([patriot(False, lat=50.0)])
    ambush = run_replication(ambush_world, 3)
    counts = check_conservation(ambush_world, ambush)
    killed = set(ambush.loc[ambush.kind == "kill", "threat"])
    assert 4 in killed  # the carrier
    assert counts["launch"] == 1 and not ambush.threat.isin([0, 1, 2, 3]).any()  # nothing released, no trace


def test_carriers_leave_the_draws_of_ground_launched_threats_as_they_were():
    plain = load_world(text=scenario_text(waves=[{"threat": "shahed-136", "count": 5, "launch": {
        "lat": 49.5, "lon": LON, "radius_km": 30}, "duration_min": 30}]))
    both = load_world(text=scenario_text(catalogue={"threats": STEADY_SU34}, waves=[{
        "threat": "shahed-136", "count": 5, "launch": {"lat": 49.5, "lon": LON, "radius_km": 30},
        "duration_min": 30}, bomb_wave()]))
    a, b = draw_threats(plain, ThreatStreams.of(9), 15.0), draw_threats(both, ThreatStreams.of(9), 15.0)
    for name in ("launch_time", "launch_xy", "impact_xy", "altitude", "fail_draw"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name)[:5])


def test_same_seed_same_log_with_carriers():
    w = world([patriot(False, lat=50.0)])
    first, second = run_replication(w, 11), run_replication(w, 11)
    assert first.equals(second)


def test_metrics_count_carriers_and_bombs():
    from airshield.analysis.metrics import COUNT_KEYS, replication_metrics
    w = world_of(waves=[bomb_wave(8)], fire_units=[patriot(False, lat=50.0)], catalogue={"threats": STEADY_SU34},
                 sensors=[{"name": "watch", "type": "surveillance-radar", "lat": 50.4, "lon": LON}])
    for seed in range(4):
        m = replication_metrics(w, run_replication(w, seed))
        for row in m.by_threat.values():
            assert row["launched"] == sum(row[k] for k in COUNT_KEYS[1:])
        su34, bombs = m.by_threat["su-34"], m.by_threat["fab-500-umpk"]
        assert m.carrier_sorties == su34["launched"] == 2 and m.carriers_lost == su34["destroyed"]
        assert su34["returned"] == 2 - su34["destroyed"]
        assert m.bombs_released == bombs["launched"] <= 8 and m.bombs_reached == bombs["leaked"]
        lost = {r.threat for r in run_replication(w, seed).itertuples() if r.kind == "kill" and r.threat_type == "su-34"}
        assert m.attacker_usd == bombs["launched"] * 30_000 + len(lost) * 40e6
