"""A binary heap of events on arrays, compiled: ordered by (time, priority, sequence), as the
reference's heapq of tuples, with the payload (threat, weapon, kill probability, x, y, z) beside."""

from __future__ import annotations

from collections import namedtuple

import numpy as np
from numba import njit

Queue = namedtuple("Queue", "time priority seq threat weapon p x y z size counter")


def new_queue(capacity: int) -> Queue:
    """An empty queue with room for ``capacity`` events (it grows by doubling)."""
    f, i = np.empty(capacity), np.empty(capacity, np.int64)
    return Queue(f, i.copy(), i.copy(), i.copy(), i.copy(), f.copy(), f.copy(), f.copy(), f.copy(),
                 np.zeros(1, np.int64), np.zeros(1, np.int64))


@njit(cache=True)
def _before(q, a, b) -> bool:
    if q.time[a] != q.time[b]:
        return q.time[a] < q.time[b]
    if q.priority[a] != q.priority[b]:
        return q.priority[a] < q.priority[b]
    return q.seq[a] < q.seq[b]


@njit(cache=True)
def _swap(q, a, b):
    for arr in (q.priority, q.seq, q.threat, q.weapon):
        arr[a], arr[b] = arr[b], arr[a]
    for arr in (q.time, q.p, q.x, q.y, q.z):
        arr[a], arr[b] = arr[b], arr[a]


@njit(cache=True)
def _more(a):
    out = np.empty(2 * len(a), a.dtype)
    out[:len(a)] = a
    return out


@njit(cache=True)
def _grow(q):
    return Queue(_more(q.time), _more(q.priority), _more(q.seq), _more(q.threat), _more(q.weapon), _more(q.p),
                 _more(q.x), _more(q.y), _more(q.z), q.size, q.counter)


@njit(cache=True)
def push(q, time, priority, threat, weapon, p, x, y, z):
    """Add an event; returns the (possibly grown) queue."""
    if q.size[0] == len(q.time):
        q = _grow(q)
    k = q.size[0]
    q.time[k], q.priority[k], q.seq[k], q.threat[k], q.weapon[k] = time, priority, q.counter[0], threat, weapon
    q.p[k], q.x[k], q.y[k], q.z[k] = p, x, y, z
    q.counter[0] += 1
    q.size[0] += 1
    while k > 0:
        parent = (k - 1) // 2
        if not _before(q, k, parent):
            break
        _swap(q, k, parent)
        k = parent
    return q


@njit(cache=True)
def pop(q):
    """Remove the first event; returns its (time, priority, threat, weapon, p, x, y, z)."""
    out = (q.time[0], q.priority[0], q.threat[0], q.weapon[0], q.p[0], q.x[0], q.y[0], q.z[0])
    q.size[0] -= 1
    last = q.size[0]
    if last > 0:
        _swap(q, 0, last)
        k = 0
        while True:
            left, right, best = 2 * k + 1, 2 * k + 2, k
            if left < last and _before(q, left, best):
                best = left
            if right < last and _before(q, right, best):
                best = right
            if best == k:
                break
            _swap(q, k, best)
            k = best
    return out
