"""The greedy and cost-aware assignment of one decision, compiled: the reference's rule
(:class:`airshield.c2.assigner.GreedyAssigner`) with its tie order (numpy's stable lexsort)."""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def _stable_order(gain, cost, threat, weapon):
    """Candidate rows sorted by -gain, then cost, threat, weapon, then original order."""
    order = np.argsort(weapon, kind="mergesort")
    order = order[np.argsort(threat[order], kind="mergesort")]
    order = order[np.argsort(cost[order], kind="mergesort")]
    return order[np.argsort(-gain[order], kind="mergesort")]


@njit(cache=True)
def greedy_choice(threat, unit, weapon, p_kill, weight, cost, later, free, value_per_usd: float, n_threats: int):
    """Rows to fire: by expected value saved, one per threat, within each unit's free channels;
    with ``value_per_usd`` > 0 only shots worth their cost (the cost rule)."""
    m = len(threat)
    gain = weight * p_kill
    allowed = np.empty(m, dtype=np.bool_)
    for i in range(m):
        if value_per_usd > 0:
            allowed[i] = weight[i] * (p_kill[i] - later[i]) >= value_per_usd * cost[i]
        else:
            allowed[i] = gain[i] > 0
    order = _stable_order(gain, cost, threat, weapon)
    left = free.copy()
    taken = np.zeros(n_threats, dtype=np.bool_)
    chosen = np.empty(m, dtype=np.int64)
    count = 0
    for row in order:
        j, u = threat[row], unit[row]
        if taken[j] or left[u] <= 0 or not allowed[row]:
            continue
        taken[j] = True
        left[u] -= 1
        chosen[count] = row
        count += 1
        if not np.any(left != 0):
            break
    return chosen[:count]
