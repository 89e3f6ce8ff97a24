"""Plots: noise consistent with the stated covariance, limits, clutter, acoustic and observer rules."""

import numpy as np
from scipy.stats import chi2

from airshield.sensing import SensingParams, make_sensors, scan_schedule, simulate_plots, straight_truth
from airshield.sensing.measure import look
from airshield.vocabulary import THREAT_CLASSES


def test_plot_errors_match_covariance():
    radar = make_sensors([0.0], [0.0], range=200e3, p_detect=1.0)
    rng = np.random.default_rng(3)
    n = 400
    start = np.column_stack([rng.uniform(-80e3, 80e3, (n, 2)), rng.uniform(200, 5000, n)])
    truth = straight_truth(start, np.zeros((n, 3)), 0.0, 10.0)
    plots, _ = simulate_plots(radar, truth, 0.0, 4.0, rng, SensingParams(false_alarms=0))
    err = plots.xyz - truth.position(0.0)[plots.truth]
    nees = np.einsum("ki,ki->k", err, np.linalg.solve(plots.cov, err[:, :, None])[:, :, 0])
    m = len(nees)
    assert chi2.ppf(0.005, 3 * m) / m < nees.mean() < chi2.ppf(0.995, 3 * m) / m


def test_false_alarms_are_poisson_and_labelled():
    radar = make_sensors([0.0, 100e3], [0.0, 0.0], range=100e3)
    truth = straight_truth(np.zeros((1, 3)) + [0, 0, -1e4], np.zeros((1, 3)), 0.0, 1.0)  # invisible
    plots, first = simulate_plots(radar, truth, 0.0, 999.0, np.random.default_rng(1), SensingParams(false_alarms=3.0))
    assert np.all(plots.truth == -1)
    assert abs(len(plots) / plots.scans - 3.0) < 0.15
    assert np.isinf(first[0])
    assert np.all(np.hypot(plots.x - radar.x[plots.sensor], plots.y) <= 100e3 + 1)


def test_altitude_speed_and_class_limits():
    s = make_sensors([0.0], [0.0], range=50e3, p_detect=1.0, min_alt=100.0, max_alt=1000.0, max_speed=100.0)
    start = np.array([[10e3, 0, 50], [10e3, 0, 500], [10e3, 0, 500], [10e3, 0, 2000]], float)
    vel = np.array([[0, 50, 0], [0, 50, 0], [0, 300, 0], [0, 50, 0]], float)
    truth = straight_truth(start, vel, 0.0, 100.0)
    plots, _ = simulate_plots(s, truth, 0.0, 10.0, np.random.default_rng(0), SensingParams(false_alarms=0))
    assert set(plots.truth) == {1}
    blind = make_sensors([0.0], [0.0], range=50e3, p_detect=1.0, sees_class=np.zeros((1, len(THREAT_CLASSES)), bool))
    plots, _ = simulate_plots(blind, truth, 0.0, 10.0, np.random.default_rng(0), SensingParams(false_alarms=0))
    assert len(plots) == 0


def test_acoustic_node_hears_slow_low_drones_nearby():
    classes = np.zeros((1, len(THREAT_CLASSES)), bool)
    classes[0, :2] = True  # drone, decoy
    node = make_sensors([0.0], [0.0], z=3.0, range=3e3, reference_rcs=0.01, max_alt=2000.0, max_speed=300 / 3.6,
                        p_detect=1.0, kind="acoustic", range_sigma=500.0, azimuth_sigma=np.radians(5),
                        elevation_sigma=np.radians(10), sees_class=classes)
    start = np.array([[2e3, 0, 100], [5e3, 0, 100], [2e3, 0, 100], [2e3, 0, 100]], float)
    vel = np.array([[0, 1, 0], [0, 1, 0], [0, 250, 0], [0, 1, 0]], float)
    truth = straight_truth(start, vel, 0.0, 50.0, rcs=0.01, class_index=[0, 0, 3, 3])
    plots, _ = simulate_plots(node, truth, 0.0, 5.0, np.random.default_rng(0), SensingParams(false_alarms=10.0))
    assert set(plots.truth) == {0}  # no acoustic false alarms by default; far, fast, cruise unheard
    assert np.sqrt(plots.cov[:, 0, 0] + plots.cov[:, 1, 1]).min() > 300  # coarse


def test_schedule_orders_by_time_then_sensor():
    s = make_sensors([0.0, 1.0, 2.0], [0.0, 0.0, 0.0], scan_period=[2.0, 1.0, 5.0])
    t, k = scan_schedule(s, 0.0, 10.0)
    assert len(t) == 6 + 11 + 3
    assert np.all(np.diff(t) >= 0)
    assert list(k[:3]) == [0, 1, 2]


def test_look_is_deterministic_for_a_seed():
    s = make_sensors([0.0, 30e3], [0.0, 0.0])
    truth = straight_truth([[10e3, 5e3, 500], [20e3, -5e3, 800]], [[100, 0, 0], [0, 100, 0]], 0, 60)
    a, _ = look(s, np.array([0, 1]), 5.0, truth, np.random.default_rng(9), SensingParams(), np.array([0, 1]))
    b, _ = look(s, np.array([0, 1]), 5.0, truth, np.random.default_rng(9), SensingParams(), np.array([0, 1]))
    assert np.array_equal(a.xyz, b.xyz) and np.array_equal(a.truth, b.truth)


def test_sensor_table_of_a_builtin_world_carries_noise():
    from airshield.world import load_world
    world = load_world("kyiv-small")
    s = world.sensors
    assert s.n == len(s.name) > 0
    assert np.all(s.scan_period > 0) and np.all(s.range_sigma >= 0) and np.all(s.azimuth_sigma > 0)
    assert s.sees_class.shape == (s.n, len(THREAT_CLASSES))
    assert set(s.kind_name) <= {"radar", "acoustic", "observer"}
