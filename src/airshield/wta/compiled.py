"""Compiled (numba) kernels of the WTA search: descent by unit moves and swaps, a matching's
sparse candidate graph, and a re-placement step's bookkeeping (which units come off, adding and
removing units with the survival cache).

The descent works on *unit slots*: ``slots[i, s]`` is the target of unit ``s`` of weapon ``i``
(``-1`` an unused unit, ``-2`` no such unit), built from ``x`` and written back to it. It keeps the
search state's cache (``log_surv``, ``surv``) exact after every change, as
:meth:`~airshield.wta.local_search.SearchState.touch` does, so a move or swap is priced in O(1) from
it. Each pass takes, weapon by weapon, the best move of any of its units while one improves, then for
every unit the best swap with a unit of one of its target's likeliest killers; passes repeat until
none improves F by more than ``rel_eps * F``. Kernels are cached on disk (``cache=True``): the first
process compiles them (about 13 s), later ones load them; ``python -m airshield.wta.warm`` does it
ahead of use.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def _slots(x, mu):
    """(W, U) unit slots of assignment ``x``: targets of the used units, -1 unused, -2 none."""
    W, T = x.shape
    U = max(1, max(mu.max(), x.sum(axis=1).max()))
    slots = np.full((W, U), -2, np.int64)
    for i in range(W):
        s = 0
        for j in range(T):
            for _ in range(x[i, j]):
                slots[i, s] = j
                s += 1
        while s < mu[i]:
            slots[i, s] = -1
            s += 1
    return slots


@njit(cache=True)
def _touch(j, dlog, values, log_surv, surv):
    """Add ``dlog`` to target ``j``'s log-survival (kept >= 0) and refresh its surviving value."""
    log_surv[j] = max(log_surv[j] + dlog, 0.0)
    surv[j] = values[j] * np.exp(-log_surv[j])


@njit(cache=True)
def _best_move(i, slots, p, odds, surv):
    """(change of F, slot, target) of weapon ``i``'s best unit move (slot -1: none possible)."""
    T = p.shape[1]
    k1, k2, g1, g2 = -1, -1, -np.inf, -np.inf
    for k in range(T):
        g = surv[k] * p[i, k]
        if g > g1:
            k2, g2, k1, g1 = k1, g1, k, g
        elif g > g2:
            k2, g2 = k, g
    best, slot, dest = np.inf, -1, -1
    for s in range(slots.shape[1]):
        j = slots[i, s]
        if j == -2:
            continue
        k, g = (k1, g1) if j != k1 else (k2, g2)
        if k < 0:
            continue
        delta = -g if j == -1 else surv[j] * odds[i, j] - g
        if delta < best:
            best, slot, dest = delta, s, k
    return best, slot, dest


ROUND = 1e-9
"""Least improvement taken, relative to the size of the terms a change is priced from [-]: a change
whose computed gain is within round-off of zero (ties, kill probabilities of 1 capped in ``a``) must
not be taken, or its reverse would look improving too and the descent would cycle."""


@njit(cache=True)
def _move_pass(x, slots, p, a, odds, values, log_surv, surv, tol):
    """Apply each weapon's best move while it lowers F by more than ``tol`` and by more than round-off
    of its terms (at most every slot to every target once per weapon); returns how many."""
    done = 0
    for i in range(x.shape[0]):
        for _ in range(slots.shape[1] * (p.shape[1] + 1)):
            delta, s, k = _best_move(i, slots, p, odds, surv)
            if s < 0:
                break
            j = slots[i, s]
            scale = surv[k] * p[i, k] + (surv[j] * odds[i, j] if j >= 0 else 0.0)
            if not delta < -(tol + ROUND * scale):
                break
            if j >= 0:
                x[i, j] -= 1
                _touch(j, -a[i, j], values, log_surv, surv)
            x[i, k] += 1
            _touch(k, a[i, k], values, log_surv, surv)
            slots[i, s] = k
            done += 1
    return done


@njit(cache=True)
def _best_swap(i, j, slots, partners, odds, surv):
    """(change of F, weapon, slot) of the best swap of weapon ``i``'s unit on ``j`` with a unit of one
    of ``j``'s partner weapons on another target.

    ``expm1(a_ij - a_i'j) = (odds_ij - odds_i'j) / (1 + odds_i'j)``: a division instead of an
    exponential (the swap, once taken, is applied with exact log-survival changes).
    """
    best, w2, s2 = np.inf, -1, -1
    for q in range(partners.shape[1]):
        i2 = partners[j, q]
        if i2 == i:
            continue
        at_j = surv[j] * (odds[i, j] - odds[i2, j]) / (1.0 + odds[i2, j])
        for s in range(slots.shape[1]):
            k = slots[i2, s]
            if k < 0 or k == j:
                continue
            delta = at_j + surv[k] * (odds[i2, k] - odds[i, k]) / (1.0 + odds[i, k])
            if delta < best:
                best, w2, s2 = delta, i2, s
    return best, w2, s2


@njit(cache=True)
def _swap_pass(x, slots, partners, a, odds, values, log_surv, surv, tol):
    """For every used unit, apply its best swap when it lowers F by more than ``tol``; returns how many."""
    done = 0
    for i in range(x.shape[0]):
        for s in range(slots.shape[1]):
            j = slots[i, s]
            if j < 0:
                continue
            delta, i2, s2 = _best_swap(i, j, slots, partners, odds, surv)
            if i2 < 0:
                continue
            k = slots[i2, s2]
            scale = surv[j] * (odds[i, j] + odds[i2, j]) + surv[k] * (odds[i2, k] + odds[i, k])
            if not delta < -(tol + ROUND * scale):
                continue
            x[i, j] -= 1
            x[i2, k] -= 1
            x[i, k] += 1
            x[i2, j] += 1
            _touch(j, a[i2, j] - a[i, j], values, log_surv, surv)
            _touch(k, a[i, k] - a[i2, k], values, log_surv, surv)
            slots[i, s], slots[i2, s2] = k, j
            done += 1
    return done


@njit(cache=True)
def descend_kernel(x, mu, p, a, odds, values, partners, log_surv, surv, rel_eps, max_passes):
    """Passes of moves and swaps until none improves (``x``, ``log_surv``, ``surv`` in place).

    ``partners`` (T, K) the weapons a unit on target j may swap with; ``rel_eps`` the least relative
    improvement; returns the number of passes.
    """
    slots = _slots(x, mu)
    for n in range(max_passes):
        tol = rel_eps * max(surv.sum(), 1e-300)
        moved = _move_pass(x, slots, p, a, odds, values, log_surv, surv, tol)
        swapped = _swap_pass(x, slots, partners, a, odds, values, log_surv, surv, tol)
        if moved + swapped == 0:
            return n + 1
    return max_passes


@njit(cache=True)
def _kth_smallest(buf, k):
    """The ``k``-th smallest entry (0-based) of ``buf`` (reordered in place; quickselect)."""
    lo, hi = 0, buf.size - 1
    while lo < hi:
        pivot = buf[(lo + hi) // 2]
        i, j = lo, hi
        while i <= j:
            while buf[i] < pivot:
                i += 1
            while buf[j] > pivot:
                j -= 1
            if i <= j:
                buf[i], buf[j] = buf[j], buf[i]
                i += 1
                j -= 1
        if k <= j:
            hi = j
        elif k >= i:
            lo = i
        else:
            break
    return buf[k]


@njit(cache=True)
def _keep_cheapest(cost, width, keep, transpose):
    """Mark each row's ``width`` cheapest entries of ``cost`` (ties included) in ``keep`` (its
    transpose when ``transpose``)."""
    buf = np.empty(cost.shape[1])
    for r in range(cost.shape[0]):
        buf[:] = cost[r]
        limit = _kth_smallest(buf, width - 1)
        for c in range(cost.shape[1]):
            if cost[r, c] <= limit:
                if transpose:
                    keep[c, r] = True
                else:
                    keep[r, c] = True


@njit(cache=True)
def sparse_candidates(cost, current, width, resolution):
    """CSR arrays (data, indices, indptr) of the sparse matching graph of ``cost`` (n, m).

    Keeps each row's and each column's ``width`` cheapest entries (ties included) and every row's
    ``current`` column. Costs are shifted to >= 1 and rounded to integers on a grid of ``1 / resolution``
    of their range (float64, exact): every row is matched once, so a shift keeps the optimum, and the
    sparse solver can loop forever on floating-point costs that differ in the last bits, never on
    integers. Needs ``width`` < n and < m.
    """
    n, m = cost.shape
    keep = np.zeros((n, m), np.bool_)
    _keep_cheapest(cost, width, keep, False)
    _keep_cheapest(cost.T.copy(), width, keep, True)
    for r in range(n):
        keep[r, current[r]] = True
    low, high = cost.min(), cost.max()
    scale = resolution / max(high - low, 1e-300)
    indptr = np.zeros(n + 1, np.int64)
    for r in range(n):
        indptr[r + 1] = indptr[r] + keep[r].sum()
    indices, data = np.empty(indptr[n], np.int64), np.empty(indptr[n])
    e = 0
    for r in range(n):
        for c in range(m):
            if keep[r, c]:
                indices[e], data[e] = c, 1.0 + np.round((cost[r, c] - low) * scale)
                e += 1
    return data, indices, indptr


@njit(cache=True)
def _rows_by_weapon(w, weapons):
    """Linked lists of the rows of each weapon: (first row per weapon, next row per row), -1 ends."""
    first, after = np.full(weapons, -1, np.int64), np.full(w.size, -1, np.int64)
    for u in range(w.size - 1, -1, -1):
        after[u], first[w[u]] = first[w[u]], u
    return first, after


@njit(cache=True)
def unit_candidates(surv, p, w, current, width, killers, resolution):
    """CSR arrays (data, indices, indptr) of the sparse graph of the matching of units to targets,
    cost ``-surv[j] p[w[u], j]`` (the decrease of F when unit u, of weapon ``w[u]``, goes to j).

    As :func:`sparse_candidates`, exploiting the structure: units of one weapon have equal cost rows
    (their cheapest columns are found once per weapon), and a column's cheapest rows are the units of
    the weapons likeliest to kill its target (``killers`` (T, W): weapons by decreasing p, per target).
    """
    n, m = w.size, surv.size
    first, after = _rows_by_weapon(w, p.shape[0])
    keep = np.zeros((n, m), np.bool_)
    buf, low, high = np.empty(m), np.inf, -np.inf
    for i in range(p.shape[0]):
        if first[i] < 0:
            continue
        for c in range(m):
            buf[c] = -surv[c] * p[i, c]
        low, high = min(low, buf.min()), max(high, buf.max())
        limit = _kth_smallest(buf.copy(), min(width, m) - 1)
        u = first[i]
        while u >= 0:
            keep[u] = buf <= limit
            u = after[u]
    for c in range(m):
        taken, q = 0, 0
        while taken < width and q < killers.shape[1]:
            u = first[killers[c, q]]
            while u >= 0:
                keep[u, c], taken, u = True, taken + 1, after[u]
            q += 1
    return _csr(keep, surv, p, w, current, low, resolution / max(high - low, 1e-300))


@njit(cache=True)
def _csr(keep, surv, p, w, current, low, scale):
    """CSR arrays of the kept unit-target costs (plus each unit's current target), integral as in
    :func:`sparse_candidates`."""
    n, m = keep.shape
    indptr = np.zeros(n + 1, np.int64)
    for u in range(n):
        keep[u, current[u]] = True
        indptr[u + 1] = indptr[u] + keep[u].sum()
    indices, data = np.empty(indptr[n], np.int64), np.empty(indptr[n])
    e = 0
    for u in range(n):
        for c in range(m):
            if keep[u, c]:
                indices[e], data[e] = c, 1.0 + np.round((-surv[c] * p[w[u], c] - low) * scale)
                e += 1
    return data, indices, indptr


@njit(cache=True)
def unit_layer_kernel(x, order, second):
    """Weapons and targets (by increasing target) of the first unit in ``order`` on each engaged target,
    or with ``second`` of the first one after it on each target with two or more.

    Units are numbered as ``np.repeat`` of ``np.nonzero(x)`` numbers them (row-major, one entry per
    unit); ``order`` is a permutation of those numbers.
    """
    W, T = x.shape
    n = order.size
    wu, tu = np.empty(n, np.int64), np.empty(n, np.int64)
    e = 0
    for i in range(W):
        for j in range(T):
            for _ in range(x[i, j]):
                wu[e], tu[e] = i, j
                e += 1
    first = np.full(T, -1, np.int64)
    for k in range(n):
        j = tu[order[k]]
        if first[j] < 0:
            first[j] = k
    if second:
        pick = np.full(T, -1, np.int64)
        for k in range(n):
            j = tu[order[k]]
            if first[j] != k and pick[j] < 0:
                pick[j] = k
    else:
        pick = first
    count = 0
    for j in range(T):
        if pick[j] >= 0:
            count += 1
    w, t = np.empty(count, np.int64), np.empty(count, np.int64)
    c = 0
    for j in range(T):
        if pick[j] >= 0:
            w[c], t[c] = wu[order[pick[j]]], j
            c += 1
    return w, t


@njit(cache=True)
def add_units_kernel(x, a, values, log_surv, surv, w, t, sign):
    """Add (``sign`` 1) or remove (-1) one unit of weapon ``w[k]`` on target ``t[k]`` for every k, and
    refresh the touched targets' log-survival (kept >= 0) and surviving value."""
    for k in range(w.size):
        x[w[k], t[k]] += sign
        log_surv[t[k]] += sign * a[w[k], t[k]]
    for k in range(t.size):
        j = t[k]
        log_surv[j] = max(log_surv[j], 0.0)
        surv[j] = values[j] * np.exp(-log_surv[j])
