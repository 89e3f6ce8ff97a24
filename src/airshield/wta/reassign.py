"""A very large neighbourhood solved exactly as a linear assignment problem.

Take one unit off each of a set of distinct targets. With at most one of those units per target,
putting unit u back on target j changes F by ``-S'_j p_{w(u) j}`` independently of the others
(``S'_j`` the target's surviving value without the removed unit), so the best re-placement of all of
them at once is a linear assignment, solved by ``scipy.optimize.linear_sum_assignment``. The old
placement is one of the candidates, so a step never makes F worse.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment

from airshield.wta.local_search import SearchState


def reassign_step(state: SearchState, rng: np.random.Generator, share: float = 1.0,
                  max_units: int = 10**9) -> float:
    """Re-place one random unit from each of a random ``share`` of the engaged targets (in place).

    At most ``max_units`` units are re-placed (the assignment costs about units^2 x targets).

    Returns the change of F (<= 0 up to rounding).
    """
    w, t = np.nonzero(state.x)
    if w.size < 2:
        return 0.0
    order = rng.permutation(w.size)
    _, first = np.unique(t[order], return_index=True)     # one random unit per engaged target
    pick = order[first]
    pick = pick[rng.random(pick.size) < share] if share < 1.0 else pick
    pick = pick[:max_units]
    if pick.size < 2:
        return 0.0
    before = state.objective
    uw, ut = w[pick], t[pick]
    for i, j in zip(uw, ut):
        state.x[i, j] -= 1
        state.touch(int(j), -state.a[i, j])
    cost = -state.surv[None, :] * state.problem.p[uw, :]   # (units, T)
    rows, cols = linear_sum_assignment(cost)
    for r, j in zip(rows, cols):
        state.x[uw[r], j] += 1
        state.touch(int(j), state.a[uw[r], j])
    return state.objective - before
