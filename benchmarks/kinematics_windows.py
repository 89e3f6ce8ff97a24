"""Time sphere_windows for 800 threats (700 routes + 100 arcs, 6 segments) x 250 points; prints seconds."""

from __future__ import annotations

import time

import numpy as np

from airshield.kinematics import Trajectories, build_arcs, build_routes, dogleg_offsets, sphere_windows


def main(n: int = 800, m: int = 250, seed: int = 1) -> float:
    rng = np.random.default_rng(seed)
    launch = rng.uniform(-50e3, 50e3, (n, 2)) + [0.0, 600e3]
    impact = rng.uniform(-200e3, 200e3, (n, 2))
    defended = rng.uniform(-200e3, 200e3, (20, 2))
    lateral = dogleg_offsets(launch, impact, defended, np.full(n, 0.1), rng.standard_normal((n, 2)), rng.random((n, 2)))
    routes = build_routes(launch, impact, rng.uniform(0, 3600, n), rng.uniform(40, 250, n),
                          rng.uniform(50, 3000, n), lateral)
    arcs = build_arcs(launch[:100], impact[:100], rng.uniform(0, 3600, 100),
                      rng.uniform(800, 2000, 100), rng.uniform(30e3, 150e3, 100), segments=6)
    traj = Trajectories.concat([routes.subset(np.arange(100, n)), arcs])
    centres = np.column_stack([rng.uniform(-200e3, 200e3, (m, 2)), np.zeros(m)])
    radius = rng.uniform(5e3, 100e3, m)
    sphere_windows(traj, centres, radius, np.zeros(m), np.full(m, 20e3))  # warm-up
    start = time.perf_counter()
    sphere_windows(traj, centres, radius, np.zeros(m), np.full(m, 20e3))
    seconds = time.perf_counter() - start
    print(f"sphere_windows {n} threats x {traj.segments} segments x {m} points: {seconds:.4f} s")
    return seconds


if __name__ == "__main__":
    main()
