"""Local search for WTA: unit moves and unit swaps, each evaluated in O(1) from cached survival.

The state caches ``L_j = sum_i a_ij x_ij`` (log-survival of target j) and ``S_j = V_j exp(-L_j)``;
a move or swap changes two targets only, so its effect on F is a closed formula.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.wta.problem import WtaProblem

#: an improvement must lower F by more than this fraction of F to be taken
REL_EPS = 1e-12


@dataclass
class SearchState:
    """Mutable working state of one local search: assignment ``x`` (W, T) and cached survival."""

    problem: WtaProblem
    x: np.ndarray
    a: np.ndarray
    log_surv: np.ndarray
    surv: np.ndarray

    @classmethod
    def start(cls, problem: WtaProblem, x: np.ndarray) -> "SearchState":
        """A state at assignment ``x`` (copied)."""
        a = problem.log_survival
        x = np.array(x, dtype=np.int64)
        log_surv = (a * x).sum(axis=0)
        return cls(problem, x, a, log_surv, problem.values * np.exp(-log_surv))

    @property
    def objective(self) -> float:
        """F of the current assignment (from the cache) [value units]."""
        return float(self.surv.sum())

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


def best_move(state: SearchState) -> tuple[float, tuple[int, int, int]]:
    """The best single-unit move ``(delta F, (i, j, k))``; ``j = -1`` means an unused unit of weapon i."""
    p, x, s = state.problem.p, state.x, state.surv
    add = -s[None, :] * p                                         # (W, T) change of F when adding a unit
    remove = np.where(x > 0, s[None, :] * np.expm1(state.a), np.inf)  # change of F when removing one
    rows = np.arange(x.shape[0])
    a2 = np.argsort(add, axis=1)[:, :2] if x.shape[1] > 1 else np.zeros((x.shape[0], 2), dtype=int)
    r1 = np.argmin(remove, axis=1)
    k = np.where(a2[:, 0] == r1, a2[:, 1], a2[:, 0])
    delta = remove[rows, r1] + add[rows, k]
    if x.shape[1] > 1:
        r2 = _second_min(remove, r1)
        alt = remove[rows, r2] + add[rows, a2[:, 0]]
        better = (alt < delta) & (r2 != a2[:, 0])
        delta, r1, k = np.where(better, alt, delta), np.where(better, r2, r1), np.where(better, a2[:, 0], k)
    unused = state.problem.mu - x.sum(axis=1) > 0
    fill = np.where(unused, add[rows, a2[:, 0]], np.inf)
    use_fill = fill < delta
    delta = np.where(use_fill, fill, delta)
    r1, k = np.where(use_fill, -1, r1), np.where(use_fill, a2[:, 0], k)
    i = int(np.argmin(delta))
    return float(delta[i]), (i, int(r1[i]), int(k[i]))


def _second_min(m: np.ndarray, first: np.ndarray) -> np.ndarray:
    masked = m.copy()
    masked[np.arange(m.shape[0]), first] = np.inf
    return np.argmin(masked, axis=1)


def best_swap(state: SearchState) -> tuple[float, tuple[int, int, int, int]]:
    """The best exchange of targets between units of two weapons: ``(delta F, (i1, j1, i2, j2))``."""
    w, t = np.nonzero(state.x)
    if w.size < 2:
        return np.inf, (0, 0, 0, 0)
    a, s = state.a, state.surv
    own = a[w, t]                                  # a of each unit at its own target
    other = a[w[None, :], t[:, None]]              # other[u, v] = a[w_v, t_u]
    gain_u = s[t][:, None] * np.expm1(own[:, None] - other)   # target t_u hit by w_v instead of w_u
    delta = gain_u + gain_u.T
    delta[(w[:, None] == w[None, :]) | (t[:, None] == t[None, :])] = np.inf
    u, v = np.unravel_index(int(np.argmin(delta)), delta.shape)
    return float(delta[u, v]), (int(w[u]), int(t[u]), int(w[v]), int(t[v]))


def descend(state: SearchState, max_steps: int = 100_000) -> SearchState:
    """Apply the best improving move or swap until none improves F (in place; returns the state)."""
    for _ in range(max_steps):
        tol = REL_EPS * max(state.objective, 1e-300)
        dm, (i, j, k) = best_move(state)
        ds, (i1, j1, i2, j2) = best_swap(state)
        if min(dm, ds) >= -tol:
            break
        if dm <= ds:
            state.shift(i, j, k)
        else:
            state.shift(i1, j1, j2)
            state.shift(i2, j2, j1)
    return state
