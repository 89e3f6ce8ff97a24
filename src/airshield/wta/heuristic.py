"""Greedy start, then local search with an assignment-based large neighbourhood and random kicks."""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from airshield.wta.greedy import greedy_assignment
from airshield.wta.local_search import SearchState, descend
from airshield.wta.problem import Solution, WtaProblem
from airshield.wta.reassign import reassign_step
from airshield.wta.solver import WtaSolver


@dataclass(frozen=True)
class HeuristicSolver(WtaSolver):
    """Near-optimal assignments in milliseconds to about a second; never worse than greedy.

    From the greedy assignment, alternates exact re-placement of many units at once
    (:func:`reassign_step`) with descent by unit moves and swaps until ``patience`` rounds bring nothing,
    (at most ``max_units`` units per step), then runs up to ``restarts`` kicks of iterated local search (``kick``: share of units moved to random
    reachable targets, at least 2). ``default_time_limit`` [s] applies when ``solve`` gets none; ``seed``
    makes runs reproducible: the result is deterministic whenever the counts, not the clock, end the search.
    """

    restarts: int = 30
    patience: int = 8
    max_units: int = 10**9
    kick: float = 0.05
    default_time_limit: float = 1.0
    seed: int = 0
    name: str = "heuristic"

    def solve(self, problem: WtaProblem, time_limit: float | None = None) -> Solution:
        start = time.perf_counter()
        deadline = start + (self.default_time_limit if time_limit is None else time_limit)
        rng = np.random.default_rng(self.seed)
        best = self._improve(descend(SearchState.start(problem, greedy_assignment(problem))), rng, deadline)
        done = 0
        while done < self.restarts and time.perf_counter() < deadline:
            trial = self._improve(descend(_kicked(best, rng, self.kick)), rng, deadline)
            if trial.objective < best.objective * (1 - 1e-12):
                best = trial
            done += 1
        x = best.x
        return Solution(x, problem.objective(x), None, time.perf_counter() - start, self.name,
                        info={"restarts": done})

    def _improve(self, state: SearchState, rng: np.random.Generator, deadline: float) -> SearchState:
        """Large-neighbourhood steps plus descent until ``patience`` steps in a row fail or time is up."""
        idle, step = 0, 0
        while idle < self.patience and time.perf_counter() < deadline:
            before = state.objective
            reassign_step(state, rng, 1.0 if step % 2 == 0 else 0.5, self.max_units)
            descend(state)
            step += 1
            idle = idle + 1 if state.objective >= before * (1 - 1e-12) else 0
        return state


def _kicked(state: SearchState, rng: np.random.Generator, kick: float) -> SearchState:
    """A copy of ``state`` with a few random units moved to random targets the weapon can reach."""
    trial = SearchState.start(state.problem, state.x)
    w, t = np.nonzero(trial.x)
    if w.size == 0:
        return trial
    n = min(w.size, max(2, int(round(kick * trial.x.sum()))))
    for u in rng.choice(w.size, size=n, replace=False):
        reach = np.flatnonzero(state.problem.p[w[u]] > 0)
        if trial.x[w[u], t[u]] > 0 and reach.size:
            trial.shift(int(w[u]), int(t[u]), int(rng.choice(reach)))
    return trial
