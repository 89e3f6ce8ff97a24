"""Crossing targets keep identities; association is deterministic; perfect sensing gives truth;
two sensors fuse into one picture; a manoeuvre is followed."""

import numpy as np

from airshield.kinematics import Trajectories
from airshield.sensing import SensingParams, TrajectoryTruth, make_sensors, simulate_plots, straight_truth
from airshield.tracking import GnnTracker, TrackerParams, run_tracker, score

RADAR = dict(range=150e3, scan_period=1.0, range_sigma=30.0, azimuth_sigma=np.radians(0.2),
             elevation_sigma=np.radians(0.3))


def crossing():
    # two drones crossing at right angles 30 km from the radar; they meet at t = 60 s
    start = np.array([[30e3 - 6e3, 0.0, 500.0], [30e3, -6e3, 700.0]])
    vel = np.array([[100.0, 0, 0], [0, 100.0, 0]])
    return straight_truth(start, vel, 0.0, 120.0)


def track_of_truth(history, truth, t):
    rows = history.at(t)
    d = np.linalg.norm(history.xyz[rows][:, None] - truth.position(t)[None], axis=2)
    return history.track[rows][np.argmin(d, axis=0)]


def test_crossing_targets_keep_identities():
    truth = crossing()
    radar = make_sensors([0.0], [0.0], p_detect=0.9, **RADAR)
    kept = 0
    for seed in range(12):
        plots, _ = simulate_plots(radar, truth, 0.0, 120.0, np.random.default_rng(seed), SensingParams(false_alarms=2))
        history = run_tracker(GnnTracker(TrackerParams(), radar), plots)
        before, after = track_of_truth(history, truth, 30.0), track_of_truth(history, truth, 100.0)
        kept += int(np.array_equal(before, after) and before[0] != before[1])
    assert kept >= 11


def test_association_is_deterministic_for_a_seed():
    truth = crossing()
    radar = make_sensors([0.0], [0.0], p_detect=0.8, **RADAR)
    runs = []
    for _ in range(2):
        plots, _ = simulate_plots(radar, truth, 0.0, 120.0, np.random.default_rng(7), SensingParams(false_alarms=5))
        runs.append(run_tracker(GnnTracker(TrackerParams(), radar), plots))
    a, b = runs
    assert np.array_equal(a.track, b.track) and np.array_equal(a.xyz, b.xyz)
    assert np.array_equal(a.event_track, b.event_track)


def test_perfect_sensing_gives_truth():
    rng = np.random.default_rng(5)
    n = 30
    start = np.column_stack([rng.uniform(-40e3, 40e3, (n, 2)), rng.uniform(100, 3000, n)])
    vel = np.column_stack([rng.uniform(-200, 200, (n, 2)), np.zeros(n)])
    truth = straight_truth(start, vel, 0.0, 60.0)
    radar = make_sensors([0.0], [0.0], p_detect=1.0, **{**RADAR, "range_sigma": 0.0, "azimuth_sigma": 0.0,
                                                         "elevation_sigma": 0.0})
    plots, first = simulate_plots(radar, truth, 0.0, 60.0, rng, SensingParams(false_alarms=0))
    history = run_tracker(GnnTracker(TrackerParams(q=1e-6, manoeuvre=False), radar), plots)
    for t in (10.0, 30.0, 60.0):
        rows = history.at(t)
        assert len(rows) == n
        order = np.argsort(history.track[rows])
        est = history.xyz[rows][order]
        d = np.linalg.norm(est[:, None] - truth.position(t)[None], axis=2)
        assert d.min(axis=1).max() < 0.1
        v = np.column_stack([history.vx, history.vy, history.vz])[rows][order]
        assert np.abs(v - vel[np.argmin(d, axis=1)]).max() < 0.1
    s = score(truth, history, np.arange(2.0, 61.0), first)
    assert s.gospa.max() < 1.0 and s.summary()["id_switches"] == 0 and s.false_tracks == 0


def test_two_sensors_fuse_into_one_picture():
    rng = np.random.default_rng(11)
    n = 20
    start = np.column_stack([rng.uniform(-20e3, 20e3, (n, 2)), rng.uniform(300, 3000, n)])
    truth = straight_truth(start, np.column_stack([rng.uniform(-150, 150, (n, 2)), np.zeros(n)]), 0.0, 60.0)
    radars = make_sensors([-30e3, 30e3], [0.0, 0.0], p_detect=0.9, **RADAR)
    plots, first = simulate_plots(radars, truth, 0.0, 60.0, rng, SensingParams(false_alarms=1))
    history = run_tracker(GnnTracker(TrackerParams(), radars), plots)
    s = score(truth, history, np.arange(5.0, 61.0), first, c=500.0)
    assert s.summary()["id_switches"] <= 1
    assert s.false.mean() < 0.5  # no duplicate tracks from the second sensor
    single = run_tracker(GnnTracker(TrackerParams(), radars), plots.only_sensors([0]))
    single_score = score(truth, single, np.arange(5.0, 61.0), first, c=500.0)
    assert s.gospa.mean() < single_score.gospa.mean()


def turn_truth(v=250.0, g=4.0):
    """East at ``v`` [m/s] for 60 s, a level 90 degree left turn at ``g`` [g], north for 60 s."""
    r = v ** 2 / (g * 9.81)
    span = (np.pi / 2) * r / v
    th = np.linspace(0, np.pi / 2, 13)
    cx = 10e3 + v * 60
    xs = np.r_[10e3, cx + r * np.sin(th), cx + r]
    ys = np.r_[0.0, r - r * np.cos(th), r + v * 60]
    ts = np.r_[0.0, 60 + th / (np.pi / 2) * span, 120 + span]
    traj = Trajectories(ts[None], xs[None], ys[None], np.full((1, len(ts)), 1000.0))
    return TrajectoryTruth(traj, np.array([1.0]), np.array([0])), ts[-1]


def test_manoeuvre_mode_follows_a_turn():
    truth, end = turn_truth()
    radar = make_sensors([0.0], [0.0], p_detect=1.0, **RADAR)
    kept = {}
    for mode in (True, False):
        kept[mode] = 0
        for seed in range(6):
            plots, _ = simulate_plots(radar, truth, 0.0, end, np.random.default_rng(seed),
                                      SensingParams(false_alarms=0))
            h = run_tracker(GnnTracker(TrackerParams(q=2.0, manoeuvre=mode), radar), plots)
            kept[mode] += int(len(np.unique(h.track)) == 1)
    assert kept[True] >= 4 and kept[True] > kept[False]
