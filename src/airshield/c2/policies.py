"""Assignment policies named in the scenario's doctrine, so analysts can compare them."""

from __future__ import annotations

from airshield.c2.assigner import Assigner, GreedyAssigner
from airshield.c2.wta_assigner import WtaAssigner
from airshield.vocabulary import POLICIES  # noqa: F401  (re-exported)



def make_assigner(policy: str, value_per_musd: float) -> Assigner:
    """The assigner of a doctrine policy; ``value_per_musd`` [value points per million USD]."""
    per_usd = value_per_musd / 1e6
    if policy == "greedy":
        return GreedyAssigner()
    if policy == "cost-aware":
        return GreedyAssigner(value_per_usd=per_usd)
    from airshield.wta import ExactSolver, HeuristicSolver
    # The heuristic's search is ended by its counts (restarts, patience), never by the clock, so the
    # engine stays reproducible; the exact solver's time limit is set far above what decisions need.
    heuristic = HeuristicSolver(restarts=4, patience=4)
    if policy == "wta":
        return WtaAssigner(heuristic, time_limit=60.0)
    if policy == "wta-cost":
        return WtaAssigner(heuristic, value_per_usd=per_usd, time_limit=60.0)
    if policy == "wta-exact":
        return WtaAssigner(ExactSolver(), time_limit=30.0)
    raise ValueError(f"unknown policy {policy}")
