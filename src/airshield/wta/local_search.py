"""The working state of WTA local search: an assignment with cached per-target survival.

The state caches ``L_j = sum_i a_ij x_ij`` (log-survival of target j) and ``S_j = V_j exp(-L_j)``;
a move or swap changes two targets only, so its effect on F is a closed formula, and moves or swaps
touching disjoint targets change F by the sum of their effects (:mod:`airshield.wta.moves`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.wta.compiled import add_units_kernel
from airshield.wta.problem import WtaProblem

#: an improvement must lower F by more than this fraction of F to be taken
REL_EPS = 1e-12


@dataclass
class SearchState:
    """Mutable working state of one local search: assignment ``x`` (W, T) and cached survival.

    ``a`` (W, T) = -ln(1 - p) and ``odds`` = expm1(a) = p / (1 - p) are the problem's, shared read-only.
    """

    problem: WtaProblem
    x: np.ndarray
    a: np.ndarray
    log_surv: np.ndarray
    surv: np.ndarray
    odds: np.ndarray

    @classmethod
    def start(cls, problem: WtaProblem, x: np.ndarray, a: np.ndarray | None = None) -> "SearchState":
        """A state at assignment ``x`` (copied); ``a`` the problem's log-survival, when already computed."""
        a = problem.log_survival if a is None else a
        x = np.array(x, dtype=np.int64)
        log_surv = (a * x).sum(axis=0)
        return cls(problem, x, a, log_surv, problem.values * np.exp(-log_surv), np.expm1(a))

    def copy(self) -> "SearchState":
        """An independent copy (the problem and ``a`` are shared, read-only)."""
        return SearchState(self.problem, self.x.copy(), self.a, self.log_surv.copy(), self.surv.copy(), self.odds)

    @property
    def objective(self) -> float:
        """F of the current assignment (from the cache) [value units]."""
        return float(self.surv.sum())

    @property
    def tolerance(self) -> float:
        """The least decrease of F that counts as an improvement [value units]."""
        return REL_EPS * max(self.objective, 1e-300)

    def shift(self, i: int, j: int, k: int) -> None:
        """Move one unit of weapon ``i`` from target ``j`` (``-1``: an unused unit) to target ``k``."""
        if j >= 0:
            self.x[i, j] -= 1
            self.touch(j, -self.a[i, j])
        self.x[i, k] += 1
        self.touch(k, self.a[i, k])

    def touch(self, j: int, dlog: float) -> None:
        """Add ``dlog`` to the log-survival of target ``j`` and refresh its surviving value."""
        self.log_surv[j] = max(self.log_surv[j] + dlog, 0.0)
        self.surv[j] = self.problem.values[j] * np.exp(-self.log_surv[j])

    def add_units(self, w: np.ndarray, t: np.ndarray, sign: int) -> None:
        """Add (``sign=1``) or remove (``sign=-1``) one unit of weapon ``w[k]`` on target ``t[k]`` for every k."""
        add_units_kernel(self.x, self.a, self.problem.values, self.log_surv, self.surv,
                         np.asarray(w, dtype=np.int64), np.asarray(t, dtype=np.int64), sign)

