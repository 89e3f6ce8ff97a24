"""The heuristic on the hard WTA family against the best known value and the exact solver's bound.

Instances: values integer-uniform on 1..100, p uniform on (0, 1), T = 2W (``generate(..., family="hard")``).
For each instance: the exact solver (tangent cuts + HiGHS) with a long limit gives an incumbent and a
proven lower bound; the heuristic with a long limit gives another incumbent; the best known value is
the least of those, of any value the cache records as found by another run (key ``... known``, with
its source) and of the heuristic at the time limit under test. Reference results are cached in a
JSON file (``--cache``) so that a rerun measures only the heuristic; ``benchmarks/wta_hard_refs.json``
is the shipped one (exact at 120 s, long runs at 60 s, and the best values found on 2026-11-30).

gap to best known = (heuristic - best known) / best known; gap to bound = (heuristic - bound) / bound.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from airshield.wta import ExactSolver, HeuristicSolver, generate

SIZES = ((50, 100), (100, 200), (200, 400))
MUS = (1, 2, 3)


def reference(W: int, mu: int, seed: int, exact_limit: float, long_limit: float, cache: dict) -> dict:
    """Exact incumbent and bound, and the heuristic's long-run value, each computed once per cache key."""
    problem = generate(W, None, mu, seed, family="hard")
    name = f"{W}x{2 * W} mu={mu} seed={seed}"
    exact_key, long_key = f"{name} exact={exact_limit:g}", f"{name} long={long_limit:g}"
    if exact_key not in cache:
        exact = ExactSolver().solve(problem, time_limit=exact_limit)
        cache[exact_key] = {"exact": exact.objective, "bound": exact.bound, "optimal": exact.optimal,
                            "exact_time_s": exact.time_s}
    if long_key not in cache and long_limit > 0:
        cache[long_key] = {"long": HeuristicSolver(seed=seed + 1000).solve(problem, time_limit=long_limit).objective}
    known = cache.get(f"{name} known", {}).get("known", float("inf"))
    return {**cache[exact_key], **cache.get(long_key, {"long": float("inf")}), "known": known}


def run_instance(W: int, mu: int, seed: int, limit: float, ref: dict) -> dict:
    """The heuristic at ``limit`` [s] on one instance, with its gaps [%] to the reference."""
    problem = generate(W, None, mu, seed, family="hard")
    cpu = time.process_time()
    sol = HeuristicSolver(seed=0).solve(problem, time_limit=limit)
    cpu = time.process_time() - cpu
    best = min(sol.objective, ref["exact"], ref["long"], ref["known"])
    bound = ref["bound"]
    return {"instance": f"hard-{W}x{2 * W}-mu{mu}-s{seed}", "W": W, "T": 2 * W, "mu": mu, "seed": seed,
            "heuristic": sol.objective, "exact": ref["exact"], "long": ref["long"], "best_known": best,
            "bound": bound, "optimal": ref["optimal"],
            "gap_best_pct": 100.0 * (sol.objective - best) / best,
            "gap_bound_pct": None if not bound else 100.0 * (sol.objective - bound) / bound,
            "time_s": sol.time_s, "cpu_s": cpu, "restarts": sol.info.get("restarts")}


def run(seeds: list[int], sizes: list[tuple[int, int]], mus: list[int], limit: float, exact_limit: float,
        long_limit: float, cache_path: Path | None, progress) -> list[dict]:
    """Every instance in order; the reference cache is saved after each new entry."""
    cache = json.loads(cache_path.read_text()) if cache_path and cache_path.exists() else {}
    rows = []
    for W, _ in sizes:
        for mu in mus:
            for seed in seeds:
                ref = reference(W, mu, seed, exact_limit, long_limit, cache)
                if cache_path:
                    cache_path.write_text(json.dumps(cache, indent=1))
                rows.append(run_instance(W, mu, seed, limit, ref))
                progress(rows[-1])
    return rows


def table(rows: list[dict]) -> str:
    """The gap table as Markdown."""
    out = ["| instance | W x T | mu | seed | heuristic | best known | best bound | gap to best known "
           "| gap to bound | time [s] | CPU [s] |", "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        bound = "-" if r["bound"] is None else f"{r['bound']:.4f}" + (" (opt)" if r["optimal"] else "")
        gap_bound = "-" if r["gap_bound_pct"] is None else f"{r['gap_bound_pct']:.3f}%"
        out.append(f"| {r['instance']} | {r['W']}x{r['T']} | {r['mu']} | {r['seed']} | {r['heuristic']:.4f} "
                   f"| {r['best_known']:.4f} | {bound} | {r['gap_best_pct']:.3f}% | {gap_bound} "
                   f"| {r['time_s']:.2f} | {r['cpu_s']:.2f} |")
    return "\n".join(out)
