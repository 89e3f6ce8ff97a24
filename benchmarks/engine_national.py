"""Time one replication of a scenario, split into compile, geometry and engine.

    python benchmarks/engine_national.py [SCENARIO] [--replications N] [--tracking ideal|sensors|both] [--json]

With ``--tracking both`` the ideal and the sensor mode are timed on the same seeds and the JSON
adds ``sensor_over_ideal``, the ratio of their median replication times.

compile: scenario file -> World (once per scenario). geometry: draws, trajectories, fates,
detection and engagement windows (per replication). engine: the event loop and EventLog.
Speed-up over real time = raid duration (first launch to last event) / wall time per replication.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from airshield.engine.replication import replication_geometry, run_engagements
from airshield.runs import replication_seeds
from airshield.world import load_world


def time_replication(world, seed) -> dict:
    """Wall times [s] of the geometry and engine stages of one replication, and its raid length [s]."""
    start = time.perf_counter()
    geometry = replication_geometry(world, seed)
    middle = time.perf_counter()
    table = run_engagements(world, geometry)
    end = time.perf_counter()
    raid = float(table["time"].max() - geometry.draws.launch_time.min()) if len(table) else 0.0
    return {"geometry_s": middle - start, "engine_s": end - middle, "raid_s": raid, "pairs": len(geometry.pairs.threat)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", nargs="?", default="ukraine-national")
    parser.add_argument("--replications", type=int, default=5)
    parser.add_argument("--tracking", choices=("ideal", "sensors", "both"), default="ideal")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    modes = ("ideal", "sensors") if args.tracking == "both" else (args.tracking,)
    results = {mode: measure(args.scenario, mode, args.replications) for mode in modes}
    result = results[modes[-1]] if len(modes) == 1 else {**results["ideal"], "tracking": "both", "modes": results,
                                                         "sensor_over_ideal": round(
                                                             results["sensors"]["replication_s_median"]
                                                             / results["ideal"]["replication_s_median"], 2)}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>26}: {value}")


def measure(scenario: str, tracking: str, replications: int) -> dict:
    """Median stage times of ``replications`` replications in one tracking mode (after a warm-up)."""
    start = time.perf_counter()
    world = load_world(scenario, {"run.tracking": tracking})
    compile_s = time.perf_counter() - start
    time_replication(world, 10_000)  # warm-up: numba loads (or compiles) its kernels
    runs = [time_replication(world, s) for s in replication_seeds(1, replications)]
    geometry = statistics.median(r["geometry_s"] for r in runs)
    engine = statistics.median(r["engine_s"] for r in runs)
    raid = statistics.median(r["raid_s"] for r in runs)
    result = {"scenario": scenario, "threats": world.threat_count, "fire_units": len(world.units.name),
              "sensors": len(world.sensors.name), "replications": replications,
              "compile_s": round(compile_s, 3), "geometry_s_median": round(geometry, 3),
              "engine_s_median": round(engine, 3), "replication_s_median": round(geometry + engine, 3),
              "raid_duration_h": round(raid / 3600, 2), "speedup_over_real_time": round(raid / (geometry + engine)),
              "engagement_pairs_median": statistics.median(r["pairs"] for r in runs)}
    result["tracking"] = tracking
    return result


if __name__ == "__main__":
    main()
