"""A very large neighbourhood solved exactly as a matching: re-place many units at once.

Take units off the assignment, at most one per target. If each target then receives at most one of
them, putting unit u on target j changes F by ``-S'_j p_{w(u) j}`` independently of the others
(``S'_j`` the target's surviving value without the removed units), so the best re-placement of all
of them together is a linear assignment (:func:`~airshield.wta.matching.unit_matching`). The old
placement is one of the candidates, so a step never makes F worse.

With one unit off *every* engaged target the step re-optimises who covers which target (counts per
target stay put when every target is engaged); with one unit off a random half of them, or with a
second unit off every target that has two, units also move to targets that had none or gain a second.
"""

from __future__ import annotations

import numpy as np

from airshield.wta.compiled import unit_layer_kernel
from airshield.wta.local_search import SearchState
from airshield.wta.matching import kill_order, unit_matching


#: what a step takes off: one unit from every engaged target, from a random half of them, or a second
#: unit from every target that has two or more
MODES = ("first", "half", "second")


def reassign_step(state: SearchState, rng: np.random.Generator, mode: str = "first", width: int = 40,
                  killers: np.ndarray | None = None) -> float:
    """Take units off as ``mode`` says (:data:`MODES`, units chosen at random) and re-place them
    optimally (in place). ``width`` is the sparse candidate count of the matching, ``killers`` the
    problem's :func:`~airshield.wta.matching.kill_order` (computed when None). Returns the change of
    F (<= 0)."""
    if np.count_nonzero(state.x.any(axis=1)) < 2:     # one weapon's units alone: moves place them best
        return 0.0
    w, t = unit_layer(state.x, rng, second=mode == "second")
    if mode == "half":
        keep = rng.random(w.size) < 0.5
        w, t = w[keep], t[keep]
    if w.size < 2 or np.all(w == w[0]):
        return 0.0
    return reassign(state, w, t, width, kill_order(state.problem.p) if killers is None else killers)


def unit_layer(x: np.ndarray, rng: np.random.Generator, second: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Weapons and targets of one random unit on each engaged target (every unit equally likely), or,
    with ``second``, of one random unit besides that one on each target with two or more (by
    increasing target; compiled: :func:`~airshield.wta.compiled.unit_layer_kernel`)."""
    return unit_layer_kernel(x, rng.permutation(int(x.sum())), second)


def reassign(state: SearchState, w: np.ndarray, t: np.ndarray, width: int, killers: np.ndarray) -> float:
    """Take the units (``w[k]`` on ``t[k]``, distinct targets) off and re-place them optimally
    (``killers``: :func:`~airshield.wta.matching.kill_order`); returns the change of F, reverting
    when rounding made it worse."""
    before, saved = state.objective, state.copy()
    state.add_units(w, t, -1)
    rows, cols = unit_matching(state.surv, state.problem.p, w, t, width, killers)
    state.add_units(w[rows], cols, 1)
    if state.objective > before:
        state.x, state.log_surv, state.surv = saved.x, saved.log_surv, saved.surv
        return 0.0
    return state.objective - before
