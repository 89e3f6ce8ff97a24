"""A very large neighbourhood solved exactly as a matching: re-place many units at once.

Take units off the assignment, at most one per target. If each target then receives at most one of
them, putting unit u on target j changes F by ``-S'_j p_{w(u) j}`` independently of the others
(``S'_j`` the target's surviving value without the removed units), so the best re-placement of all
of them together is a linear assignment (:func:`~airshield.wta.matching.min_cost_matching`). The old
placement is one of the candidates, so a step never makes F worse.

With one unit off *every* engaged target the step re-optimises who covers which target (counts per
target stay put when every target is engaged); with one unit off a random part of them, units also
move to targets that had none or gain a second one.
"""

from __future__ import annotations

import numpy as np

from airshield.wta.local_search import SearchState
from airshield.wta.matching import min_cost_matching


def reassign_step(state: SearchState, rng: np.random.Generator, share: float = 1.0, width: int = 40) -> float:
    """Re-place one random unit from each of a random ``share`` of the engaged targets (in place).

    ``width`` is the sparse candidate count of the matching. Returns the change of F (<= 0).
    """
    w, t = one_unit_per_target(state.x, rng, share)
    if w.size < 2:
        return 0.0
    return reassign(state, w, t, width)


def one_unit_per_target(x: np.ndarray, rng: np.random.Generator, share: float) -> tuple[np.ndarray, np.ndarray]:
    """Weapons and targets of one random unit on each of a random ``share`` of the engaged targets."""
    w, t = np.nonzero(x)
    units = x[w, t]
    w, t = np.repeat(w, units), np.repeat(t, units)      # one entry per unit: each equally likely
    order = rng.permutation(w.size)
    _, first = np.unique(t[order], return_index=True)
    pick = order[first]
    if share < 1.0:
        pick = pick[rng.random(pick.size) < share]
    return w[pick], t[pick]


def reassign(state: SearchState, w: np.ndarray, t: np.ndarray, width: int) -> float:
    """Take the units (``w[k]`` on ``t[k]``, distinct targets) off and re-place them optimally; returns
    the change of F, reverting when rounding made it worse."""
    before, saved = state.objective, state.copy()
    state.add_units(w, t, -1)
    cost = -state.surv[None, :] * state.problem.p[w, :]
    rows, cols = min_cost_matching(cost, t, width)
    state.add_units(w[rows], cols, 1)
    if state.objective > before:
        state.x, state.log_surv, state.surv = saved.x, saved.log_surv, saved.surv
        return 0.0
    return state.objective - before
