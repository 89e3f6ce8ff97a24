"""The compiled windows equal the numpy reference on random flights and regions, edge cases too."""

import numpy as np
import pytest

from airshield.kinematics import (Trajectories, build_arcs, build_routes, build_sorties, circle_windows,
                                  detection_windows, envelope_windows, sphere_windows)


def _flights(seed: int) -> list[Trajectories]:
    rng = np.random.default_rng(seed)
    n = 60
    launch = rng.uniform(-200e3, 200e3, (n, 2))
    impact = rng.uniform(-200e3, 200e3, (n, 2))
    routes = build_routes(launch, impact, rng.uniform(0, 600, n), rng.uniform(40, 250, n), rng.uniform(20, 3000, n),
                          rng.uniform(-20e3, 20e3, (n, 2)))
    arcs = build_arcs(launch[:10], impact[:10], np.zeros(10), np.full(10, 1500.0), np.full(10, 50e3),
                      np.where(np.arange(10) < 5, 12e3, 0.0))
    # glide bombs: no apogee above the release altitude, a glide down from it
    glides = build_arcs(launch[10:20], impact[10:20], np.zeros(10), np.full(10, 200.0), np.zeros(10),
                        rng.uniform(5e3, 12e3, 10))
    sorties = build_sorties(launch[20:30], impact[20:30], np.zeros(10), np.full(10, 250.0),
                            rng.uniform(5e3, 10e3, 10), rng.uniform(5e3, 12e3, 10))
    # a hovering leg (no displacement while time passes) and a padded (zero-duration) segment
    t = np.array([[0.0, 100.0, 200.0, 200.0]])
    hover = Trajectories(t, np.array([[0.0, 0.0, 5e3, 5e3]]), np.zeros((1, 4)), np.array([[500.0, 500.0, 500.0, 500.0]]))
    return [routes, arcs, glides, sorties, hover]


def _same(a, b):
    assert all(np.array_equal(x, y, equal_nan=True) for x, y in zip(a, b))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_compiled_windows_equal_the_numpy_reference(seed):
    rng = np.random.default_rng(100 + seed)
    m = 40
    centres = np.column_stack([rng.uniform(-200e3, 200e3, (m, 2)), np.zeros(m)])
    centres[0, :2] = 0.0  # a region at the hover point: the hovering threat starts inside
    r_min, r_max = rng.uniform(0, 3e3, m), rng.uniform(3e3, 80e3, m)
    lo, hi = rng.uniform(0, 100, m), rng.uniform(2e3, 30e3, m)
    sensors = np.column_stack([centres[:, :2], rng.uniform(2, 40, m)])
    for traj in _flights(seed):
        reach = rng.uniform(0, 250e3, (traj.n, m)) * (rng.random((traj.n, m)) > 0.2)
        for fn, args in ((sphere_windows, (centres, r_max, lo, hi)), (envelope_windows, (centres, r_min, r_max, lo, hi)),
                         (detection_windows, (sensors, reach, lo, hi)), (circle_windows, (centres[:, :2], r_max))):
            fast, reference = fn(traj, *args, fast=True), fn(traj, *args, fast=False)
            _same(fast, reference)
            assert np.isfinite(reference[0]).any()
