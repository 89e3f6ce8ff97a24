"""Solvers by CLI name."""

from __future__ import annotations

from airshield.errors import unknown_name
from airshield.wta.bruteforce import BruteForceSolver
from airshield.wta.exact import ExactSolver
from airshield.wta.greedy import GreedySolver
from airshield.wta.heuristic import HeuristicSolver
from airshield.wta.solver import WtaSolver

SOLVER_NAMES = ("greedy", "heuristic", "exact", "bruteforce")


def solver_by_name(name: str, seed: int = 0) -> WtaSolver:
    """A fresh solver for ``name`` (one of :data:`SOLVER_NAMES`); ``seed`` for the heuristic's search."""
    if name == "greedy":
        return GreedySolver()
    if name == "heuristic":
        return HeuristicSolver(seed=seed)
    if name == "exact":
        return ExactSolver()
    if name == "bruteforce":
        return BruteForceSolver()
    raise unknown_name("solver", name, SOLVER_NAMES)
