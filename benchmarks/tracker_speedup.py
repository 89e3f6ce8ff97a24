"""The compiled fusion tracker against the reference FrameTracker on one national night, side by side.

    python benchmarks/tracker_speedup.py [SCENARIO] [--seed N] [--json]

Simulates the night's plots once (sensor mode), then feeds the same frames to
:func:`airshield.tracking.compiled.track_frames` and to
:func:`airshield.tracking.frames.run_frame_tracker` (the numpy reference), and prints both wall
times, their ratio and whether every decision agreed (update rows: time, track, plot, confirmed;
track events), with the largest relative difference of the position sigmas.
"""

from __future__ import annotations

import argparse
import json
import time

import numpy as np

from airshield.engine import tracked_sight
from airshield.engine.replication import replication_geometry
from airshield.tracking.compiled import track_frames
from airshield.tracking.compiled.warm import warm_tracker
from airshield.tracking.frames import run_frame_tracker
from airshield.world import load_world


def night_frames(scenario: str, seed: int) -> tuple:
    """The tracker's arguments for one replication's night (captured from sensor mode)."""
    captured = {}
    original = tracked_sight.track_frames

    def capture(*args):
        captured["args"] = args
        return original(*args)

    tracked_sight.track_frames = capture
    try:
        replication_geometry(load_world(scenario, {"run.tracking": "sensors"}), seed)
    finally:
        tracked_sight.track_frames = original
    return captured["args"]


def timed(tracker, args) -> tuple[float, tuple]:
    start = time.perf_counter()
    out = tracker(*args)
    return time.perf_counter() - start, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("scenario", nargs="?", default="ukraine-national")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    frames = night_frames(args.scenario, args.seed)
    warm_tracker()  # numba's cache loaded before timing
    compiled_s, (upd, ev) = timed(track_frames, frames)
    reference_s, (ref_upd, ref_ev) = timed(run_frame_tracker, frames)
    same = len(upd["time"]) == len(ref_upd["time"]) and all(
        np.array_equal(upd[k], ref_upd[k]) for k in ("time", "track", "plot", "confirmed"))
    same_events = len(ev["time"]) == len(ref_ev["time"]) and all(np.array_equal(ev[k], ref_ev[k]) for k in ev)
    sigma = float(np.max(np.abs(upd["sigma"] - ref_upd["sigma"]) / np.maximum(ref_upd["sigma"], 1e-9))) if same else None
    result = {"scenario": args.scenario, "seed": args.seed, "plots": len(frames[4]), "frames": len(frames[0]),
              "compiled_s": round(compiled_s, 3), "reference_s": round(reference_s, 3),
              "speedup": round(reference_s / compiled_s, 1), "update_rows": len(upd["time"]),
              "events": len(ev["time"]), "decisions_equal": bool(same and same_events), "sigma_max_rel_diff": sigma}
    print(json.dumps(result, indent=2) if args.json else "\n".join(f"{k:>18}: {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
