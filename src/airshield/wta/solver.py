"""The WTA solver role: ``solve(problem, time_limit) -> Solution``."""

from __future__ import annotations

from abc import ABC, abstractmethod

from airshield.wta.problem import Solution, WtaProblem


class WtaSolver(ABC):
    """Abstract role of a static weapon-target assignment solver."""

    #: short name used by the CLI and in :attr:`Solution.solver`
    name: str = "abstract"

    @abstractmethod
    def solve(self, problem: WtaProblem, time_limit: float | None = None) -> Solution:
        """Best assignment found for ``problem`` within ``time_limit`` [s] (None: the solver's default)."""
