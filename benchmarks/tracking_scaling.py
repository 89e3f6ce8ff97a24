"""Time per scan of airshield's GnnTracker against the number of targets.

    python benchmarks/tracking_scaling.py [--targets 50,200,500,1000] [--json]

Same scenario as ``tracking_vs_stonesoup.py`` (targets crossing at constant density, one radar,
10 false alarms per scan, 51 scans). Prints the mean and median time per scan and the time per
scan per target; the growth exponent between successive sizes (log t / log N) shows whether the
cost stays near N log N (exponent ~1) rather than N^2 (exponent 2).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tracking_vs_stonesoup import PARAMS, scenario  # noqa: E402

from airshield.tracking import GnnTracker  # noqa: E402


def time_per_scan(n: int, seed: int = 1, repeats: int = 3) -> dict:
    _, sensors, plots, _ = scenario(n, seed)
    scans = list(plots.iter_scans())
    best = None
    for _ in range(repeats):
        tracker = GnnTracker(PARAMS, sensors)
        times = np.empty(len(scans))
        for i, (t, k, scan) in enumerate(scans):
            t0 = time.perf_counter()
            tracker.step(t, scan, k)
            times[i] = time.perf_counter() - t0
        best = times if best is None or times.sum() < best.sum() else best
    return {"targets": n, "scans": len(scans), "plots_per_scan": len(plots) / len(scans),
            "mean_ms": 1e3 * best.mean(), "median_ms": 1e3 * float(np.median(best)),
            "us_per_target": 1e6 * best.mean() / n, "tracks_end": int(tracker.tracks.count)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", default="50,200,500,1000")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = [time_per_scan(int(n)) for n in args.targets.split(",")]
    for a, b in zip(rows, rows[1:]):
        b["exponent"] = float(np.log(b["mean_ms"] / a["mean_ms"]) / np.log(b["targets"] / a["targets"]))
    if args.json:
        print(json.dumps(rows))
    else:
        print(f"{'targets':>8} {'plots/scan':>10} {'mean ms':>9} {'median ms':>9} {'us/target':>9} {'exponent':>8}")
        for r in rows:
            print(f"{r['targets']:>8} {r['plots_per_scan']:>10.0f} {r['mean_ms']:>9.2f} {r['median_ms']:>9.2f} "
                  f"{r['us_per_target']:>9.1f} {r.get('exponent', float('nan')):>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
