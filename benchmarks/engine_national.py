"""Time one replication of a scenario, split into compile, geometry and engine.

    python benchmarks/engine_national.py [SCENARIO] [--replications N] [--tracking ideal|sensors|both] [--json]

With ``--tracking both`` the ideal and the sensor mode are timed on the same seeds and the JSON
adds ``sensor_over_ideal``, the ratio of their median replication times. In sensor mode the
geometry is split further (medians): ``plots_s`` (simulating the sensors' plots), ``tracker_s``
(the fusion tracker over all frames) and ``plots``/``frames`` of the night.

compile: scenario file -> World (once per scenario). geometry: draws, trajectories, fates,
detection and engagement windows (per replication). engine: the event loop and EventLog.
Speed-up over real time = raid duration (first launch to last event) / wall time per replication.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from airshield.engine import tracked_sight
from airshield.engine.replication import replication_geometry, run_engagements
from airshield.runs import replication_seeds
from airshield.world import load_world


class StageClock:
    """Wall time [s] spent in named functions of :mod:`airshield.engine.tracked_sight` while active."""

    def __init__(self, names=("window_plots", "track_frames")):
        self.names, self.spent, self.saved = names, {}, {}

    def __enter__(self):
        for name in self.names:
            self.saved[name] = original = getattr(tracked_sight, name)
            setattr(tracked_sight, name, self._timed(name, original))
        return self

    def _timed(self, name, original):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            out = original(*args, **kwargs)
            self.spent[name] = self.spent.get(name, 0.0) + time.perf_counter() - start
            if name == "window_plots":
                self.spent["plots"], self.spent["frames"] = len(out), len(set(out.scan_time.tolist()))
            return out
        return timed

    def __exit__(self, *exc):
        for name, original in self.saved.items():
            setattr(tracked_sight, name, original)


def time_replication(world, seed) -> dict:
    """Wall times [s] of the geometry and engine stages of one replication, and its raid length [s]."""
    with StageClock() as clock:
        out = _time_replication(world, seed)
    return {**out, **clock.spent}


def _time_replication(world, seed) -> dict:
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
    if tracking == "sensors" and runs[0].get("track_frames") is not None:
        result.update(plots_s=round(statistics.median(r["window_plots"] for r in runs), 3),
                      tracker_s=round(statistics.median(r["track_frames"] for r in runs), 3),
                      plots=statistics.median(r["plots"] for r in runs),
                      frames=statistics.median(r["frames"] for r in runs))
    return result


if __name__ == "__main__":
    main()
