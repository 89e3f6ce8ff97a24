"""WTA solvers on generated instances (Ahuja et al. 2007 style): objective, bound, gap, time.

Run: ``python benchmarks/wta.py [--json] [--quick]``. Instances are generated with seed 1;
exact gets a 60 s limit (skipped above EXACT_MAX_PAIRS weapon-target pairs).
"""

from __future__ import annotations

import argparse
import json
import platform

from airshield.wta import ExactSolver, GreedySolver, HeuristicSolver, generate

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
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--quick", action="store_true", help="three small instances, exact limit 10 s")
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
