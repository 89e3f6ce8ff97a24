"""The compiled fusion tracker: the same decisions as the reference FrameTracker, hand-checked
filter figures, and its parts (scipy's assignment algorithm, 3 x 3 algebra) against numpy/scipy."""

import numpy as np
import pytest
from scipy.optimize import linear_sum_assignment

from airshield.sensing import SensingParams, make_sensors, straight_truth
from airshield.sensing.windowed import report_frames, window_plots
from airshield.tracking import TrackerParams
from airshield.tracking.compiled import track_frames
from airshield.tracking.compiled.lsap import assign_rows
from airshield.tracking.compiled.small import inv3, max_eig3
from airshield.tracking.frames import run_frame_tracker


def test_assignment_port_equals_scipy_ties_included():
    rng = np.random.default_rng(0)
    for k in range(400):
        rows = int(rng.integers(1, 10))
        cost = rng.random((rows, rows + int(rng.integers(0, 10)))) * 10
        if k % 3 == 0:
            cost[rng.random(cost.shape) < 0.5] = 1e12
        if k % 4 == 0:
            cost = np.round(cost)  # many ties
        assert np.array_equal(assign_rows(cost), linear_sum_assignment(cost)[1])


def test_small_algebra_matches_numpy():
    rng = np.random.default_rng(1)
    for _ in range(50):
        a = rng.normal(size=(3, 3))
        s = a @ a.T + np.eye(3) * 0.1
        out = np.empty((3, 3))
        det = inv3(s, out)
        assert np.allclose(out, np.linalg.inv(s), rtol=1e-9, atol=1e-12) and np.isclose(det, np.linalg.det(s))
        assert np.isclose(max_eig3(s), np.linalg.eigvalsh(s)[-1], rtol=1e-9)
        inv3(s, s)  # in place
        assert np.allclose(s, out)


def raid_frames(seed, false_alarms=2.0):
    """Three radars (scan periods 1, 2 and 5 s) on a 2 s frame grid watching 25 straight targets and
    two that cross: the frames and plots the trackers take."""
    rng = np.random.default_rng(seed)
    n = 27
    start = np.column_stack([rng.uniform(-40e3, 40e3, (n, 2)), rng.uniform(200, 3000, n)])
    vel = np.column_stack([rng.uniform(-200, 200, (n, 2)), np.zeros(n)])
    start[-2:], vel[-2:] = [[-6e3, 0, 500], [0, -6e3, 520]], [[100, 0, 0], [0, 100, 0]]
    truth = straight_truth(start, vel, 0.0, 240.0)
    radars = make_sensors([-30e3, 30e3, 0.0], [0.0, 0.0, 40e3], p_detect=0.85, range=150e3,
                          scan_period=[1.0, 2.0, 5.0], range_sigma=[30.0, 60.0, 150.0],
                          azimuth_sigma=np.radians([0.2, 0.4, 1.0]), elevation_sigma=np.radians([0.3, 0.5, 1.5]))
    t_in, t_out = np.zeros((n, 3)), np.full((n, 3), 240.0)
    plots = window_plots(radars, truth, t_in, t_out, 2.0, rng, SensingParams(false_alarms=false_alarms))
    period = np.maximum(radars.scan_period, 2.0)
    return (*report_frames(plots), plots.xyz, plots.cov, plots.sensor, np.arange(len(plots)), period)


PARAMS = [TrackerParams(confirm_m=3, confirm_n=5, max_coast=60.0, init_speed_sigma=700.0),
          TrackerParams(confirm_m=1, confirm_n=1, delete_misses=2, manoeuvre=False),
          TrackerParams(q=50.0, manoeuvre_nis=6.0, max_coast=12.0)]


@pytest.mark.parametrize("seed, params", [(1, PARAMS[0]), (2, PARAMS[1]), (3, PARAMS[2])])
def test_compiled_tracker_decides_as_the_reference(seed, params):
    args = raid_frames(seed)
    fast, fast_events = track_frames(*args, params)
    ref, ref_events = run_frame_tracker(*args, params)
    assert len(fast["time"]) > 1000 and len(fast_events["time"]) > 100
    for name in ("time", "track", "plot", "confirmed"):
        assert np.array_equal(fast[name], ref[name]), name
    np.testing.assert_allclose(fast["sigma"], ref["sigma"], rtol=1e-7)
    for name in ("time", "event", "track"):
        assert np.array_equal(fast_events[name], ref_events[name]), name


def one_target(frames, r=100.0, plot_frames=None):
    """A still target at (10 km, 0, 1 km) reported by one sensor every 1 s frame with covariance
    r^2 I (no noise) in ``plot_frames`` (all by default)."""
    plot_frames = range(frames) if plot_frames is None else plot_frames
    has = np.isin(np.arange(frames), list(plot_frames))
    plot_cut = np.r_[0, np.cumsum(has)]
    z = np.tile([10e3, 0.0, 1e3], (int(has.sum()), 1))
    R = np.tile(np.eye(3) * r ** 2, (len(z), 1, 1))
    return (np.arange(frames, dtype=float), np.arange(frames + 1), np.zeros(frames, int), plot_cut, z, R,
            np.zeros(len(z), int), np.arange(len(z)), np.array([1.0]))


def test_filter_figures_by_hand():
    # initiation: position variance r^2 = 1e4, velocity sigma s = 300 m/s; one frame later (dt = 1 s,
    # q = 0) the predicted position variance is r^2 + s^2 dt^2 = 1e5 and the update with r^2 gives
    # 1e5 * 1e4 / (1e5 + 1e4) = 9090.909 m^2, sigma 95.346 m
    params = TrackerParams(q=0.0, init_speed_sigma=300.0, manoeuvre=False, confirm_m=2, confirm_n=3)
    upd, events = track_frames(*one_target(2), params)
    assert np.allclose(upd["sigma"], [100.0, np.sqrt(1e5 * 1e4 / 1.1e5)])
    assert list(upd["confirmed"]) == [False, True]  # 2 hits: confirmed at the second frame
    assert list(events["event"]) == [0, 1] and list(events["time"]) == [0.0, 1.0]


def test_deleted_after_three_misses_by_hand():
    # plots in frames 0-2 (confirmed at frame 1), none after: misses at frames 3, 4, 5 -> deleted at 5
    params = TrackerParams(q=1.0, manoeuvre=False, confirm_m=2, confirm_n=3, delete_misses=3)
    _, events = track_frames(*one_target(8, plot_frames=[0, 1, 2]), params)
    assert list(events["event"]) == [0, 1, 2] and list(events["time"]) == [0.0, 1.0, 5.0]


def test_frames_without_plots_leave_an_empty_record():
    e = np.zeros(0, int)
    args = (np.array([0.0, 2.0]), np.array([0, 1, 2]), np.array([0, 0]), np.zeros(3, int), np.zeros((0, 3)),
            np.zeros((0, 3, 3)), e, e, np.array([2.0]))
    for tracker in (track_frames, run_frame_tracker):
        updates, events = tracker(*args)
        assert len(updates["time"]) == 0 and len(events["time"]) == 0
