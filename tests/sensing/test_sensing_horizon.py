"""A low cruise missile under the radar horizon gives no plots, and is seen once it climbs above it."""

import numpy as np

from airshield.geo import radar_horizon
from airshield.kinematics import Trajectories
from airshield.sensing import SensingParams, TrajectoryTruth, make_sensors, simulate_plots

CRUISE = 3  # THREAT_CLASSES index of "cruise"


def test_missile_below_horizon_then_rising():
    radar = make_sensors([0.0], [0.0], z=10.0, range=300e3, p_detect=1.0, min_alt=10.0, scan_period=1.0)
    # 80 km out at 30 m (horizon for 30 m: ~35.6 km), climbing to 2 km between t = 100 s and 300 s
    traj = Trajectories(np.array([[0.0, 100.0, 300.0, 400.0]]), np.array([[80e3, 80e3, 80e3, 80e3]]),
                        np.array([[0.0, 1.0, 2.0, 3.0]]), np.array([[30.0, 30.0, 2000.0, 2000.0]]))
    truth = TrajectoryTruth(traj, np.array([1.0]), np.array([CRUISE]))
    plots, first = simulate_plots(radar, truth, 0.0, 400.0, np.random.default_rng(0), SensingParams(false_alarms=0))
    assert radar_horizon(10.0, 30.0) < 80e3
    # altitude at which the horizon reaches 80 km, and when the missile gets there
    h_needed = ((80e3 - radar_horizon(10.0, 0.0)) / radar_horizon(0.0, 1.0)) ** 2
    t_rise = 100.0 + (h_needed - 30.0) / (2000.0 - 30.0) * 200.0
    assert len(plots) > 0
    assert plots.time.min() >= t_rise - 1.0
    assert plots.time.min() <= t_rise + 1.0
    assert first[0] == plots.time.min()
    assert np.all(plots.truth == 0)
