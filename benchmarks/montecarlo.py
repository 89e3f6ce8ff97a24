"""Replications per second with 1 and 2 local workers, scaling efficiency, and Ray's overhead.

    python benchmarks/montecarlo.py [SCENARIO] [--replications N] [--json] [--no-ray]

Efficiency = (rate with 2 workers) / (2 x rate with 1 worker). Ray overhead = Ray wall time /
local wall time with the same workers, minus one. Worker start-up is included in every figure.
"""

from __future__ import annotations

import argparse
import json
import time

from airshield.runs import RunOptions, open_backend, run_monte_carlo
from airshield.world import load_world


def timed(world, backend_name: str, workers: int, replications: int) -> tuple[float, dict]:
    """Wall time [s] and summary of one run."""
    start = time.perf_counter()
    with open_backend(backend_name, workers) as backend:
        result = run_monte_carlo(world, RunOptions(seed=1, replications=replications), backend=backend, keep_in_memory=False)
    return time.perf_counter() - start, result.summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", nargs="?", default="ukraine-national")
    parser.add_argument("--replications", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-ray", action="store_true")
    args = parser.parse_args()
    world = load_world(args.scenario)
    n = args.replications
    one, summary_one = timed(world, "local", 1, n)
    two, summary_two = timed(world, "local", 2, n)
    result = {"scenario": args.scenario, "replications": n,
              "rate_1_worker_per_s": round(n / one, 3), "rate_2_workers_per_s": round(n / two, 3),
              "scaling_efficiency": round(one / (2 * two), 3), "identical_1_vs_2": summary_one == summary_two}
    if not args.no_ray:
        ray_time, summary_ray = timed(world, "ray", 2, n)
        result.update({"rate_ray_2_workers_per_s": round(n / ray_time, 3),
                       "ray_overhead_vs_local": round(ray_time / two - 1, 3),
                       "identical_ray_vs_local": summary_ray == summary_two})
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>26}: {value}")


if __name__ == "__main__":
    main()
