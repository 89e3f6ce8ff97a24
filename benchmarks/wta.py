"""WTA solvers on generated instances: objective, bound, gap, time.

Run: ``python benchmarks/wta.py [--json] [--quick]``: the Ahuja et al. (2007) family, seed 1; exact
gets a 60 s limit (skipped above EXACT_MAX_PAIRS weapon-target pairs).

Run: ``python benchmarks/wta.py --family hard [--time-limit 10] [--seeds 1 2 3] [--sizes 50x100 ...]
[--mu 1 2 3] [--exact-limit 120] [--long-limit 60] [--cache FILE] [--json]``: the heuristic at the time
limit on the hard family against the best known value and the exact solver's bound
(``benchmarks/wta_hard.py``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

from airshield.wta import ExactSolver, GreedySolver, HeuristicSolver, generate

sys.path.insert(0, str(Path(__file__).parent))
import wta_hard  # noqa: E402  (beside this file)

FULL = [(20, 20, 1), (50, 50, 1), (80, 80, 1), (120, 120, 1)] + [
    (w, t, mu) for (w, t) in ((50, 100), (100, 200), (200, 400)) for mu in (1, 2, 3)]
QUICK = [(20, 20, 1), (50, 50, 1), (50, 100, 2)]
EXACT_MAX_PAIRS = 200 * 400


def run_instance(W: int, T: int, mu: int, exact_limit: float) -> list[dict]:
    """Every solver on one generated instance; rows with the gap to the best proven bound [%]."""
    problem = generate(W, T, mu, seed=1)
    solvers = [GreedySolver(), HeuristicSolver()]
    if W * T <= EXACT_MAX_PAIRS:
        solvers.append(ExactSolver(default_time_limit=exact_limit))
    rows = []
    for solver in solvers:
        sol = solver.solve(problem)
        rows.append({"instance": f"{W}x{T} mu={mu}", "solver": solver.name, "objective": sol.objective,
                     "bound": sol.bound, "optimal": sol.optimal, "time_s": sol.time_s})
    bounds = [r["bound"] for r in rows if r["bound"] is not None]
    best = max(bounds) if bounds else None
    for r in rows:
        r["gap_pct"] = None if best is None else 100.0 * (r["objective"] - best) / r["objective"]
    return rows


def main() -> None:
    args = _parser().parse_args()
    if args.family == "hard":
        return _hard(args)
    cases, limit = (QUICK, 10.0) if args.quick else (FULL, 60.0)
    rows = []
    for case in cases:
        rows += run_instance(*case, exact_limit=limit)
    if args.json:
        print(json.dumps({"machine": platform.processor() or platform.machine(), "rows": rows}, indent=2))
        return
    print("| instance | solver | objective | bound | gap vs best bound | time [s] | optimal |")
    print("|---|---|---:|---:|---:|---:|---|")
    for r in rows:
        bound = "-" if r["bound"] is None else f"{r['bound']:.3f}"
        gap = "-" if r["gap_pct"] is None else f"{r['gap_pct']:.3f}%"
        print(f"| {r['instance']} | {r['solver']} | {r['objective']:.3f} | {bound} | {gap} | "
              f"{r['time_s']:.3f} | {'yes' if r['optimal'] else 'no'} |")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--quick", action="store_true", help="three small instances, exact limit 10 s")
    parser.add_argument("--family", choices=("ahuja", "hard"), default="ahuja")
    parser.add_argument("--time-limit", type=float, default=10.0, help="hard: heuristic limit [s]")
    parser.add_argument("--exact-limit", type=float, default=120.0, help="hard: exact solver limit [s]")
    parser.add_argument("--long-limit", type=float, default=60.0, help="hard: long heuristic run [s]")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--sizes", nargs="+", default=[f"{w}x{t}" for w, t in wta_hard.SIZES])
    parser.add_argument("--mu", type=int, nargs="+", default=list(wta_hard.MUS))
    parser.add_argument("--cache", type=Path, default=None, help="hard: JSON file of reference results")
    return parser


def _hard(args: argparse.Namespace) -> None:
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes]
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    load_before = os.getloadavg()
    rows = wta_hard.run(args.seeds, sizes, args.mu, args.time_limit, args.exact_limit, args.long_limit,
                        args.cache, lambda r: print(json.dumps(r), file=sys.stderr, flush=True))
    meta = {"started": started, "machine": platform.processor() or platform.machine(),
            "cpus": os.cpu_count(), "load_before": load_before, "load_after": os.getloadavg(),
            "time_limit": args.time_limit, "exact_limit": args.exact_limit, "long_limit": args.long_limit}
    if args.json:
        print(json.dumps({**meta, "rows": rows}, indent=2))
        return
    print(f"started {started}; load average before {load_before}, after {meta['load_after']}")
    print(wta_hard.table(rows))


if __name__ == "__main__":
    main()
