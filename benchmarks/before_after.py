"""What stands on the engine, before and after: the same CLI commands run on an earlier commit and now.

    python benchmarks/before_after.py [--old 458e700] [--tasks mc1,mc2,placement,campaign] [--json]

The old version is checked out as a git worktree of ``--old`` in a temporary folder (as in
``engine_speedup.py``) and run by the same interpreter with ``PYTHONPATH`` pointing at it. Each task
runs old, then new, back to back, so that both see the same machine load; wall times include
start-up. Tasks:

- ``mc1`` / ``mc2``: ``airshield run ukraine-national -k 1`` (and ``-k 2``), no run folder, 20
  replications on the old version and 100 on the new (start-up weighs less):
  replications per second, and the scaling efficiency rate(2) / (2 rate(1)) of each version.
- ``placement``: each version's own ``benchmarks/placement_national.py`` (20 units over ~200 sites,
  with verification).
- ``campaign``: ``airshield campaign ukraine-national --days 90`` with 3 replications on the old
  version (its default, about 4 minutes) and 20 on the new; compared per replication.

Prints one JSON object: per task ``old_s``, ``new_s`` [s], the replications of each, and ``speedup``
(old time per replication / new time per replication).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
CLI = "from airshield.cli import main; main()"

TASKS = {
    "mc1": (["run", "ukraine-national", "-n", "{n}", "-k", "1", "--no-store", "--json"], 20, 100),
    "mc2": (["run", "ukraine-national", "-n", "{n}", "-k", "2", "--no-store", "--json"], 20, 100),
    "placement": (["@benchmarks/placement_national.py", "--json"], 1, 1),
    "campaign": (["campaign", "ukraine-national", "--days", "90", "-n", "{n}", "--out", "{tmp}/campaign",
                  "--json"], 3, 20),
}
"""Task -> (arguments, old replications, new replications). '@script' runs a script of the version's tree."""


def command(tree: Path, args: list[str], replications: int, tmp: Path) -> list[str]:
    """The command line of one task for the version in ``tree``."""
    args = [a.format(n=replications, tmp=tmp) for a in args]
    if args[0].startswith("@"):
        return [sys.executable, str(tree / args[0][1:]), *args[1:]]
    return [sys.executable, "-c", CLI, *args]


def timed(tree: Path, args: list[str], replications: int) -> float:
    """Wall time [s] of one task run by the version in ``tree`` (its output discarded)."""
    with tempfile.TemporaryDirectory(prefix="airshield-bench-") as tmp:
        env = dict(os.environ, PYTHONPATH=str(tree / "src"))
        start = time.perf_counter()
        subprocess.run(command(tree, args, replications, Path(tmp)), env=env, cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start


def measure(commit: str, tasks: list[str]) -> dict:
    """Each task, old then new, with the load average before it."""
    out: dict = {"old_commit": commit}
    with tempfile.TemporaryDirectory(prefix="airshield-old-") as tmp:
        old = Path(tmp) / "old"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", str(old), commit], check=True,
                       capture_output=True)
        try:
            for name in tasks:
                args, n_old, n_new = TASKS[name]
                load = os.getloadavg()[0]
                old_s, new_s = timed(old, args, n_old), timed(REPO, args, n_new)
                out[name] = {"old_s": round(old_s, 2), "new_s": round(new_s, 2), "old_replications": n_old,
                             "new_replications": n_new, "speedup": round((old_s / n_old) / (new_s / n_new), 2),
                             "load_before": round(load, 2)}
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(old)], capture_output=True)
    for side in ("old", "new"):
        if "mc1" in out and "mc2" in out:
            out[f"scaling_efficiency_{side}"] = round(out["mc1"][f"{side}_s"] / (2 * out["mc2"][f"{side}_s"]), 3)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", default="458e700", help="the earlier commit [default: 458e700]")
    parser.add_argument("--tasks", default=",".join(TASKS), help="comma-separated tasks")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.old, [t for t in args.tasks.split(",") if t])
    print(json.dumps(result, indent=None if args.json else 2))


if __name__ == "__main__":
    main()
