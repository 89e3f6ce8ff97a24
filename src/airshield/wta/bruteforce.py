"""Exhaustive enumeration for tiny instances (tests)."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass

import numpy as np

from airshield.wta.problem import Solution, WtaProblem
from airshield.wta.solver import WtaSolver


def compositions(units: int, parts: int) -> list[tuple[int, ...]]:
    """All ways to split ``units`` identical units over ``parts`` targets."""
    out = []
    for bars in itertools.combinations(range(units + parts - 1), parts - 1):
        edges = (-1, *bars, units + parts - 1)
        out.append(tuple(b - a - 1 for a, b in zip(edges, edges[1:])))
    return out


@dataclass(frozen=True)
class BruteForceSolver(WtaSolver):
    """Tries every assignment that uses all units (optimal because p >= 0); refuses > ``max_points``."""

    max_points: int = 2_000_000
    name: str = "bruteforce"

    def solve(self, problem: WtaProblem, time_limit: float | None = None) -> Solution:
        start = time.perf_counter()
        rows = [np.array(compositions(int(m), problem.targets)) for m in problem.mu]
        size = int(np.prod([len(r) for r in rows], dtype=float))
        if size > self.max_points:
            raise ValueError(f"brute force would try {size} assignments (limit {self.max_points})")
        log_q = np.log(np.maximum(1.0 - problem.p, 1e-300))
        best_f, best = np.inf, None
        for choice in itertools.product(*[range(len(r)) for r in rows]):
            x = np.stack([rows[i][c] for i, c in enumerate(choice)])
            f = float(problem.values @ np.exp((log_q * x).sum(axis=0)))
            if f < best_f:
                best_f, best = f, x
        x = np.asarray(best, dtype=np.int64)
        return Solution(x, problem.objective(x), problem.objective(x), time.perf_counter() - start,
                        self.name, optimal=True)
