"""The greedy and cost-aware assignment of one decision, compiled: the reference's rule
(:class:`airshield.c2.assigner.GreedyAssigner`) with its tie order (numpy's stable lexsort)."""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def _less(a, b, gain, cost, threat, weapon) -> bool:
    """Row ``a`` comes before row ``b``: by -gain, then cost, threat, weapon, then row (numpy's
    stable lexsort of the reference)."""
    if gain[a] != gain[b]:
        return -gain[a] < -gain[b]
    if cost[a] != cost[b]:
        return cost[a] < cost[b]
    if threat[a] != threat[b]:
        return threat[a] < threat[b]
    if weapon[a] != weapon[b]:
        return weapon[a] < weapon[b]
    return a < b


@njit(cache=True)
def _stable_order(gain, cost, threat, weapon):
    """Candidate rows in the reference's order (bottom-up merge sort)."""
    m = len(gain)
    order, spare = np.arange(m), np.empty(m, np.int64)
    width = 1
    while width < m:
        for lo in range(0, m, 2 * width):
            mid, hi = min(lo + width, m), min(lo + 2 * width, m)
            i, j, k = lo, mid, lo
            while i < mid and j < hi:
                if _less(order[j], order[i], gain, cost, threat, weapon):
                    spare[k] = order[j]
                    j += 1
                else:
                    spare[k] = order[i]
                    i += 1
                k += 1
            spare[k:k + mid - i] = order[i:mid]
            k += mid - i
            spare[k:k + hi - j] = order[j:hi]
        order, spare = spare, order
        width *= 2
    return order


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
