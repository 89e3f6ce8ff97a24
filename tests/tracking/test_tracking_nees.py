"""A single straight target: the filter's error is consistent with its covariance (NEES, chi-square)."""

import numpy as np
from scipy.stats import chi2

from airshield.sensing import SensingParams, make_sensors, simulate_plots, straight_truth
from airshield.tracking import GnnTracker, TrackerParams


def test_nees_within_chi_square_bounds():
    runs, steps = 40, 40
    radar = make_sensors([0.0], [0.0], range=100e3, p_detect=1.0, scan_period=1.0, range_sigma=30.0,
                         azimuth_sigma=np.radians(0.2), elevation_sigma=np.radians(0.3))
    params = TrackerParams(q=1e-4, manoeuvre=False, init_speed_sigma=300.0, confirm_m=1, confirm_n=1)
    nees = np.zeros((runs, steps))
    for r in range(runs):
        rng = np.random.default_rng(100 + r)
        start = np.array([[20e3, -5e3, 1000.0]])
        velocity = rng.normal(0, 150.0, (1, 3)) * [1, 1, 0.03]
        truth = straight_truth(start, velocity, 0.0, steps)
        plots, _ = simulate_plots(radar, truth, 0.0, steps - 1, rng, SensingParams(false_alarms=0))
        tracker = GnnTracker(params, record=False)
        for i, (t, k, scan) in enumerate(plots.iter_scans()):
            tracker.step(t, scan, k)
            pic = tracker.picture()
            assert len(pic.id) == 1
            e = pic.x[0] - np.r_[truth.position(t)[0], velocity[0]]
            nees[r, i] = e @ np.linalg.solve(pic.P[0], e)
    mean = nees[:, 5:].mean(axis=0)  # after the velocity has been observed
    lo, hi = chi2.ppf(0.005, 6 * runs) / runs, chi2.ppf(0.995, 6 * runs) / runs
    inside = (mean > lo) & (mean < hi)
    assert inside.mean() >= 0.9, (mean, lo, hi)
    assert lo < mean.mean() < hi
