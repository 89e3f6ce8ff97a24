"""Unit moves and unit swaps, and descent by them (compiled: :mod:`airshield.wta.compiled`).

A *move* takes one unit of weapon i from target j (or from its unused units) to target k: F changes by
``S_j expm1(a_ij) - S_k p_ik``. A *swap* exchanges the targets of two units of different weapons:
``S_j expm1(a_ij - a_i'j) + S_k expm1(a_i'k - a_ik)``. Each touches two targets only, so both are
priced in O(1) from the cached per-target survival; the descent applies each weapon's best move and
each unit's best swap as soon as it is found (first improvement over units, best over targets).
"""

from __future__ import annotations

import numpy as np

from airshield.wta.compiled import descend_kernel
from airshield.wta.local_search import REL_EPS, SearchState


def descend(state: SearchState, partners: np.ndarray | None = None, max_passes: int = 100_000) -> SearchState:
    """Apply improving moves and swaps until none improves F (in place; returns the state).

    ``partners`` (T, K) limits swaps to the weapons among each target's K likeliest killers
    (:func:`likeliest_weapons`); None tries every pair of units.
    """
    problem = state.problem
    if problem.weapons == 0 or problem.targets == 0:
        return state
    if partners is None:
        partners = np.broadcast_to(np.arange(problem.weapons), (problem.targets, problem.weapons))
    descend_kernel(state.x, problem.mu, problem.p, state.a, state.odds, problem.values,
                   np.ascontiguousarray(partners, dtype=np.int64), state.log_surv, state.surv, REL_EPS, max_passes)
    return state


def likeliest_weapons(problem, k: int) -> np.ndarray | None:
    """(T, k) the k weapons with the highest kill probability on each target; None when k >= W."""
    if k >= problem.weapons:
        return None
    return np.argpartition(-problem.p, k - 1, axis=0)[:k].T
