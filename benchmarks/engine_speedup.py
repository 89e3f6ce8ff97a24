"""Speed of the engine now against the engine at an earlier commit, measured side by side.

    python benchmarks/engine_speedup.py [SCENARIO] [--old 458e700] [--replications 9] [--tracking ideal|sensors] [--json]

The old engine is checked out as a git worktree of ``--old`` in a temporary folder and imported
from there by a second Python process with the same interpreter and installed dependencies. Both
processes load the scenario once, run one warm-up replication (numba compiles or loads its
cache), then run the same replication seeds alternately, old then new. Each prints the wall time
of ``run_replication`` for every seed; the ratio is taken per seed and its median reported with
both medians: ``{"speedup": ..., "new_s": ..., "old_s": ...}``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORKER = HERE / "speedup_worker.py"


class Side:
    """A worker process running one version of airshield."""

    def __init__(self, src: Path, scenario: str, overrides: list[str]):
        env = dict(os.environ, PYTHONPATH=str(src))
        self.proc = subprocess.Popen([sys.executable, str(WORKER), scenario, *overrides], env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=str(src.parent))
        if self.proc.stdout.readline().strip() != "ready":
            raise RuntimeError(f"the worker for {src} did not start")

    def time(self, index: int) -> float:
        """Wall time [s] of replication ``index``."""
        self.proc.stdin.write(f"{index}\n")
        self.proc.stdin.flush()
        return float(self.proc.stdout.readline())

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def old_tree(commit: str, folder: Path) -> Path:
    """A worktree of ``commit`` in ``folder``; its source folder."""
    subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(folder), commit], check=True,
                   capture_output=True)
    return folder / "src"


def measure(scenario: str, commit: str, replications: int, overrides: list[str]) -> dict:
    """Per-seed wall times of both versions, run alternately, and their medians."""
    with tempfile.TemporaryDirectory(prefix="airshield-old-") as tmp:
        folder = Path(tmp) / "old"
        try:
            old = Side(old_tree(commit, folder), scenario, overrides)
            new = Side(REPO / "src", scenario, overrides)
            old.time(10_000), new.time(10_000)  # warm-up
            times = [(old.time(i), new.time(i)) for i in range(replications)]
            old.close(), new.close()
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(folder)], capture_output=True)
    ratios = [o / n for o, n in times]
    return {"scenario": scenario, "old_commit": commit, "replications": replications,
            "speedup": round(statistics.median(ratios), 2), "new_s": round(statistics.median(n for _, n in times), 4),
            "old_s": round(statistics.median(o for o, _ in times), 4),
            "per_seed": [{"old_s": round(o, 4), "new_s": round(n, 4)} for o, n in times],
            "load_average": os.getloadavg()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("scenario", nargs="?", default="ukraine-national")
    parser.add_argument("--old", default="458e700", help="the commit to compare with")
    parser.add_argument("--replications", type=int, default=9)
    parser.add_argument("--tracking", choices=("ideal", "sensors"), default="ideal")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    overrides = [f"run.tracking={args.tracking}"] if args.tracking != "ideal" else []
    result = measure(args.scenario, args.old, args.replications, overrides)
    result["tracking"] = args.tracking
    print(json.dumps(result, indent=2) if args.json else
          f"{args.scenario} ({args.tracking}): {result['speedup']}x faster, new {result['new_s']} s, "
          f"old {result['old_s']} s per replication (medians of {args.replications} seeds)")


if __name__ == "__main__":
    main()
