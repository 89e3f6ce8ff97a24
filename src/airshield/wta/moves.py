"""Unit moves and unit swaps, applied in batches, and descent by them.

A *move* takes one unit of weapon i from target j to target k: F changes by
``S_j expm1(a_ij) - S_k p_ik``. A *swap* exchanges the targets of two units of different weapons:
``S_j expm1(a_ij - a_i'j) + S_k expm1(a_i'k - a_ik)``. Each touches two targets only, so improving
moves (or swaps) on pairwise disjoint targets change F by the sum of their effects: every round
evaluates all candidates at once (numpy) and applies the best disjoint set of improving ones.
"""

from __future__ import annotations

import numpy as np

from airshield.wta.local_search import SearchState


def descend(state: SearchState, partners: np.ndarray | None = None, max_rounds: int = 100_000) -> SearchState:
    """Apply batches of improving moves and swaps until none improves F (in place; returns the state).

    ``partners`` (T, K) limits swaps to the weapons among each target's K likeliest killers
    (:func:`likeliest_weapons`); None tries every pair of units.
    """
    for _ in range(max_rounds):
        tol = state.tolerance
        if move_batch(state, tol) + swap_batch(state, tol, partners) == 0:
            break
    return state


def likeliest_weapons(problem, k: int) -> np.ndarray | None:
    """(T, k) the k weapons with the highest kill probability on each target; None when k >= W."""
    if k >= problem.weapons:
        return None
    return np.argpartition(-problem.p, k - 1, axis=0)[:k].T


def move_batch(state: SearchState, tol: float) -> int:
    """Apply the best move of each weapon (or its best use of an unused unit) when it lowers F by
    more than ``tol``, best first, skipping moves that touch a target already touched; returns how many."""
    delta, i, j, k = _best_moves(state)
    good = np.flatnonzero(delta < -tol)
    if good.size == 0:
        return 0
    good = good[np.argsort(delta[good], kind="stable")]
    chosen = _disjoint(good, j, k)
    i, j, k = i[chosen], j[chosen], k[chosen]
    used = j >= 0
    state.add_units(i[used], j[used], -1)
    state.add_units(i, k, 1)
    return len(chosen)


def _best_moves(state: SearchState) -> tuple[np.ndarray, ...]:
    """Per weapon: (change of F, weapon, from target or -1 for an unused unit, to target) of its best move."""
    x, s = state.x, state.surv
    W, T = x.shape
    rows = np.arange(W)
    gain = s * state.problem.p                 # decrease of F when adding a unit
    cost = s * state.odds                      # increase of F when removing one
    cost[x == 0] = np.inf
    k1, j1 = gain.argmax(axis=1), cost.argmin(axis=1)
    g1, c1 = gain[rows, k1], cost[rows, j1]
    if T > 1:
        gain[rows, k1], cost[rows, j1] = -np.inf, np.inf
        k2, j2 = gain.argmax(axis=1), cost.argmin(axis=1)
        same = j1 == k1
        first = c1 - np.where(same, gain[rows, k2], g1)    # leave j1 for the best other target
        second = cost[rows, j2] - g1                       # or leave j2 (never k1 when j1 == k1) for k1
        use_second = same & (second < first)
        delta = np.where(use_second, second, first)
        j = np.where(use_second, j2, j1)
        k = np.where(same & ~use_second, k2, k1)
    else:
        delta, j, k = np.full(W, np.inf), j1, k1
    fill = (state.problem.mu > x.sum(axis=1)) & (-g1 < delta)
    return np.where(fill, -g1, delta), rows, np.where(fill, -1, j), np.where(fill, k1, k)


def swap_batch(state: SearchState, tol: float, partners: np.ndarray | None = None) -> int:
    """Apply improving swaps, best first, on pairwise disjoint targets; returns how many."""
    w, t = np.nonzero(state.x)
    if w.size < 2 or np.all(w == w[0]):
        return 0
    u, v = _all_pairs(w.size) if partners is None else _partner_pairs(w, t, partners)
    keep = (w[u] != w[v]) & (t[u] != t[v])
    u, v = u[keep], v[keep]
    a, s = state.a, state.surv
    delta = (s[t[u]] * np.expm1(a[w[u], t[u]] - a[w[v], t[u]])
             + s[t[v]] * np.expm1(a[w[v], t[v]] - a[w[u], t[v]]))
    good = np.flatnonzero(delta < -tol)
    if good.size == 0:
        return 0
    good = good[np.argsort(delta[good], kind="stable")]
    chosen = _disjoint(good, t[u], t[v])
    wu, tu, wv, tv = w[u[chosen]], t[u[chosen]], w[v[chosen]], t[v[chosen]]
    state.add_units(np.concatenate([wu, wv]), np.concatenate([tu, tv]), -1)
    state.add_units(np.concatenate([wu, wv]), np.concatenate([tv, tu]), 1)
    return len(chosen)


def _all_pairs(n: int) -> tuple[np.ndarray, np.ndarray]:
    u, v = np.triu_indices(n, 1)
    return u, v


def _partner_pairs(w: np.ndarray, t: np.ndarray, partners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (u, v) of engaged (weapon, target) entries where v's weapon is a partner of u's target."""
    order = np.argsort(w, kind="stable")
    starts = np.searchsorted(w[order], np.arange(partners.max() + 2))
    cand = partners[t]                                     # (n, K) weapons that could take u's target
    count = starts[cand + 1] - starts[cand]
    us, vs = [], []
    for m in range(int(count.max(initial=0))):
        has = count > m
        us.append(np.nonzero(has)[0])
        vs.append(order[starts[cand[has]] + m])
    if not us:
        return np.zeros(0, int), np.zeros(0, int)
    return np.concatenate(us), np.concatenate(vs)


def _disjoint(order: np.ndarray, j: np.ndarray, k: np.ndarray) -> list[int]:
    """Entries of ``order`` (best first) whose targets ``j``/``k`` (-1: none) no earlier entry touched."""
    used: set[int] = set()
    chosen = []
    for r in order.tolist():
        a, b = int(j[r]), int(k[r])
        if a in used or b in used:
            continue
        used.update((a, b))
        used.discard(-1)
        chosen.append(r)
    return chosen
