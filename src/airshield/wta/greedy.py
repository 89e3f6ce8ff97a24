"""Maximum marginal return: one unit at a time to the pair that lowers F the most."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from airshield.wta.problem import Solution, WtaProblem
from airshield.wta.solver import WtaSolver


def greedy_assignment(problem: WtaProblem) -> np.ndarray:
    """Integer assignment (W, T) built by maximum marginal return.

    Each step gives one unit of a weapon with units left to the target whose current expected surviving
    value ``S_j`` it reduces most (``S_j p_ij``); ties go to the lowest weapon, then target, index.
    """
    p = problem.p
    surv = problem.values.astype(float).copy()
    left = problem.mu.copy()
    x = np.zeros(p.shape, dtype=np.int64)
    gain = p * surv[None, :]
    gain[left == 0, :] = -1.0
    for _ in range(int(left.sum())):
        flat = int(np.argmax(gain))
        i, j = divmod(flat, p.shape[1])
        if gain[i, j] <= 0.0:
            break
        x[i, j] += 1
        left[i] -= 1
        surv[j] *= 1.0 - p[i, j]
        gain[:, j] = np.where(left > 0, p[:, j] * surv[j], -1.0)
        if left[i] == 0:
            gain[i, :] = -1.0
    return x


@dataclass(frozen=True)
class GreedySolver(WtaSolver):
    """Maximum marginal return greedy (no bound; milliseconds)."""

    name: str = "greedy"

    def solve(self, problem: WtaProblem, time_limit: float | None = None) -> Solution:
        start = time.perf_counter()
        x = greedy_assignment(problem)
        return Solution(x, problem.objective(x), None, time.perf_counter() - start, self.name)
