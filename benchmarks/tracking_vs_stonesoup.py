"""airshield's GnnTracker against Stone Soup on the same plots.

    python benchmarks/tracking_vs_stonesoup.py --targets 200 --json

Scenario: N targets start on a ring (radius 20 km x sqrt(N / 50), so the density stays alike)
at 100 m to 3 km altitude and fly straight at 50-250 m/s towards random points near the centre,
so their paths cross. One radar at the centre (p_detect 0.85 at 150 km against 1 m^2, Swerling I;
sigma 50 m, 0.2 deg, 0.3 deg; 2 s scans) with 10 false alarms per scan, for 100 s. The plots are
simulated once and fed to both trackers.

Both trackers: constant-velocity Kalman filter (q = 5 m^2/s^3 per axis), one-point initiation with
velocity sigma 300 m/s, squared-Mahalanobis gate at the 0.9999 chi-square quantile (3 dof),
GNN with a miss costing the gate (Stone Soup: DistanceHypothesiser + SquaredMahalanobis +
GNNWith2DAssignment), confirmation on the second hit within three looks (Stone Soup:
MultiMeasurementInitiator min_points=2, UpdateTimeStepsDeleter(2)), deletion after three
consecutive misses (UpdateTimeStepsDeleter(3)). airshield's manoeuvre mode is off.

Both track sets are scored with airshield's GOSPA (c = 1 km, p = 2, alpha = 2) at every scan,
against the targets that have been visible; times cover the tracking loop only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time

import numpy as np

from airshield.sensing import SensingParams, make_sensors, simulate_plots, straight_truth
from airshield.tracking import GnnTracker, TrackerParams, run_tracker, score
from airshield.tracking.picture import TrackHistory

DURATION = 100.0
SCAN = 2.0
PARAMS = TrackerParams(q=5.0, init_speed_sigma=300.0, manoeuvre=False, gate_probability=0.9999,
                       confirm_m=2, confirm_n=3, delete_misses=3)


def scenario(n: int, seed: int):
    """Truth, sensors, plots and first-visible times of the benchmark scenario."""
    rng = np.random.default_rng(seed)
    radius = 20e3 * np.sqrt(n / 50)
    ang = rng.uniform(0, 2 * np.pi, n)
    start = np.column_stack([radius * np.cos(ang), radius * np.sin(ang), rng.uniform(100, 3000, n)])
    aim = rng.normal(0, radius / 4, (n, 2))
    heading = aim - start[:, :2]
    heading /= np.linalg.norm(heading, axis=1)[:, None]
    velocity = np.column_stack([heading, np.zeros(n)]) * rng.uniform(50, 250, n)[:, None]
    truth = straight_truth(start, velocity, 0.0, DURATION, rcs=rng.uniform(0.1, 1.0, n))
    sensors = make_sensors([0.0], [0.0], z=10.0, range=150e3, p_detect=0.85, scan_period=SCAN, range_sigma=50.0,
                           azimuth_sigma=np.radians(0.2), elevation_sigma=np.radians(0.3))
    plots, first = simulate_plots(sensors, truth, 0.0, DURATION, rng, SensingParams(false_alarms=10.0))
    return truth, sensors, plots, first


def run_airshield(sensors, plots) -> tuple[TrackHistory, float]:
    t0 = time.perf_counter()
    history = run_tracker(GnnTracker(PARAMS, sensors), plots)
    return history, time.perf_counter() - t0


def run_stonesoup(plots) -> tuple[TrackHistory, float]:
    from stonesoup.dataassociator.neighbour import GNNWith2DAssignment
    from stonesoup.deleter.time import UpdateTimeStepsDeleter
    from stonesoup.hypothesiser.distance import DistanceHypothesiser
    from stonesoup.initiator.simple import MultiMeasurementInitiator
    from stonesoup.measures import SquaredMahalanobis
    from stonesoup.models.measurement.linear import LinearGaussian
    from stonesoup.models.transition.linear import CombinedLinearGaussianTransitionModel, ConstantVelocity
    from stonesoup.predictor.kalman import KalmanPredictor
    from stonesoup.tracker.simple import MultiTargetTracker
    from stonesoup.types.detection import Detection
    from stonesoup.types.state import GaussianState
    from stonesoup.updater.kalman import KalmanUpdater

    epoch = dt.datetime(2025, 1, 1)
    transition = CombinedLinearGaussianTransitionModel([ConstantVelocity(PARAMS.q)] * 3)
    default_model = LinearGaussian(ndim_state=6, mapping=(0, 2, 4), noise_covar=np.eye(3))
    predictor, updater = KalmanPredictor(transition), KalmanUpdater(default_model)
    hypothesiser = DistanceHypothesiser(predictor, updater, SquaredMahalanobis(), missed_distance=PARAMS.gate)
    associator = GNNWith2DAssignment(hypothesiser)
    prior = GaussianState(np.zeros((6, 1)), np.diag([0, 1, 0, 1, 0, 1]) * PARAMS.init_speed_sigma ** 2)
    initiator = MultiMeasurementInitiator(prior, UpdateTimeStepsDeleter(PARAMS.confirm_n - 1), associator, updater,
                                          default_model, min_points=PARAMS.confirm_m)
    scans = []
    for t, _, scan in plots.iter_scans():
        stamp = epoch + dt.timedelta(seconds=t)
        dets = {Detection(np.array([[x], [y], [z]]), timestamp=stamp,
                          measurement_model=LinearGaussian(6, (0, 2, 4), cov))
                for x, y, z, cov in zip(scan.x, scan.y, scan.z, scan.cov)}
        scans.append((stamp, dets))
    tracker = MultiTargetTracker(initiator, UpdateTimeStepsDeleter(PARAMS.delete_misses), iter(scans), associator,
                                 updater)
    rows, ids = [], {}
    t0 = time.perf_counter()
    for stamp, tracks in tracker:
        t = (stamp - epoch).total_seconds()
        for track in tracks:
            sv = np.asarray(track.state_vector, float).ravel()
            rows.append((t, ids.setdefault(track.id, len(ids)), sv[0], sv[2], sv[4], sv[1], sv[3], sv[5]))
    elapsed = time.perf_counter() - t0
    a = np.array(rows, float).reshape(-1, 8)
    hist = TrackHistory(a[:, 0], a[:, 1].astype(int), *a[:, 2:].T, np.zeros(len(a)), np.ones(len(a), bool),
                        np.zeros(0), np.zeros(0, int), np.zeros(0, int))
    return hist, elapsed


def benchmark(n: int, seed: int = 1, stonesoup: bool = True) -> dict:
    truth, sensors, plots, first = scenario(n, seed)
    times = plots.scan_time
    ours, t_ours = run_airshield(sensors, plots)
    s_ours = score(truth, ours, times, first).summary()
    out = {"targets": n, "scans": int(plots.scans), "plots": len(plots), "gospa_airshield": s_ours["gospa_mean"],
           "time_airshield_s": t_ours, "airshield": s_ours}
    if stonesoup:
        theirs, t_theirs = run_stonesoup(plots)
        s_theirs = score(truth, theirs, times, first).summary()
        out.update(gospa_stonesoup=s_theirs["gospa_mean"], time_stonesoup_s=t_theirs,
                   speedup=t_theirs / t_ours, gospa_ratio=s_ours["gospa_mean"] / s_theirs["gospa_mean"],
                   stonesoup=s_theirs)
    else:
        out.update(gospa_stonesoup=None, time_stonesoup_s=None, speedup=None)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-stonesoup", action="store_true", help="run airshield only")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = benchmark(args.targets, args.seed, not args.no_stonesoup)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>18}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
