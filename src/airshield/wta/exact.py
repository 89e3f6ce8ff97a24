"""Exact WTA by outer approximation: MILP over tangent cuts, cuts added until the bound meets F."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from airshield.wta.cuts import CutModel
from airshield.wta.heuristic import HeuristicSolver
from airshield.wta.local_search import SearchState
from airshield.wta.moves import descend
from airshield.wta.problem import Solution, WtaProblem
from airshield.wta.solver import WtaSolver


@dataclass(frozen=True)
class ExactSolver(WtaSolver):
    """Proven-optimal assignments for small and medium instances (scipy ``milp``, i.e. HiGHS).

    Starts from the heuristic's incumbent and tangent cuts at ``s = k * median(a)`` for
    ``k = 0..grid`` and at the incumbent; each round solves the MILP (its optimum bounds F* from
    below), adds tangents at the MILP solution, and polishes that solution by local search as a new
    incumbent. Stops when ``bound >= objective * (1 - rel_gap)`` (``optimal``) or at the time limit
    [s], default ``default_time_limit``.
    """

    rel_gap: float = 1e-6
    grid: int = 3
    default_time_limit: float = 60.0
    heuristic_time: float = 0.5
    max_rounds: int = 500
    name: str = "exact"

    def solve(self, problem: WtaProblem, time_limit: float | None = None) -> Solution:
        start = time.perf_counter()
        deadline = start + (self.default_time_limit if time_limit is None else time_limit)
        budget = min(self.heuristic_time, 0.1 * (deadline - start))
        best = HeuristicSolver(restarts=30, default_time_limit=budget).solve(problem).x
        model = CutModel.build(problem)
        self._seed_cuts(model, best)
        best_f, bound, rounds = problem.objective(best), 0.0, 0
        while rounds < self.max_rounds and not self._closed(bound, best_f):
            left = deadline - time.perf_counter()
            if left <= 0:
                break
            xp, lb, _ = model.solve(left, self.rel_gap / 10)
            bound, rounds = max(bound, lb), rounds + 1
            if xp is None:
                break
            x = descend(SearchState.start(problem, model.to_dense(xp))).x
            if problem.objective(x) < best_f:
                best, best_f = x, problem.objective(x)
            if model.add_cuts(np.arange(problem.targets), model.s_of(xp)) == 0:
                break                           # the next MILP would be the same one
        bound = min(bound, best_f)
        return Solution(best, best_f, bound, time.perf_counter() - start, self.name,
                        optimal=self._closed(bound, best_f),
                        info={"rounds": rounds, "cuts": len(model.cut_t)})

    def _seed_cuts(self, model: CutModel, incumbent: np.ndarray) -> None:
        T = model.problem.targets
        step = float(np.median(model.pair_a)) if model.n_pairs else 1.0
        for k in range(self.grid + 1):
            model.add_cuts(np.arange(T), np.full(T, k * step))
        model.add_cuts(np.arange(T), model.s_of(model.to_pairs(incumbent)))

    def _closed(self, bound: float, best_f: float) -> bool:
        return bound >= best_f - self.rel_gap * max(abs(best_f), 1e-9)
