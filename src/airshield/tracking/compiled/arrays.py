"""Small array helpers written as plain loops: numba compiles them in a fraction of the time its
generic numpy implementations take (fancy indexing, ``argsort``, ``unique``, ``searchsorted``)."""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def argsort(key):
    """Stable argsort of a 1-D array without NaN: insertion sort of runs of 16, then bottom-up merge
    sort (the order is the unique stable one, whatever the run length)."""
    n = len(key)
    a, b = np.arange(n), np.empty(n, np.int64)
    width = 16
    for lo in range(0, n, width):
        for i in range(lo + 1, min(lo + width, n)):
            ai = a[i]
            ki = key[ai]
            j = i - 1
            while j >= lo and key[a[j]] > ki:
                a[j + 1] = a[j]
                j -= 1
            a[j + 1] = ai
    while width < n:
        for lo in range(0, n, 2 * width):
            mid, hi = min(lo + width, n), min(lo + 2 * width, n)
            i, j, k = lo, mid, lo
            while i < mid and j < hi:
                if key[a[j]] < key[a[i]]:
                    b[k] = a[j]
                    j += 1
                else:
                    b[k] = a[i]
                    i += 1
                k += 1
            while i < mid:
                b[k] = a[i]
                i += 1
                k += 1
            while j < hi:
                b[k] = a[j]
                j += 1
                k += 1
        a, b = b, a
        width *= 2
    return a


@njit(cache=True)
def sub_order(order, idx, m):
    """The stable argsort of the keys of rows ``idx`` (increasing) among ``m`` rows, from the stable
    argsort ``order`` of all ``m``: the same ties broken the same way, no sorting."""
    pos = np.full(m, -1)
    for k in range(len(idx)):
        pos[idx[k]] = k
    out = np.empty(len(idx), np.int64)
    c = 0
    for o in order:
        if pos[o] >= 0:
            out[c] = pos[o]
            c += 1
    return out


@njit(cache=True)
def counting_order(keys, n_keys):
    """Stable argsort of int ``keys`` in [0, n_keys) (counting sort: the order :func:`argsort` gives)."""
    start = np.zeros(n_keys + 1, np.int64)
    for k in keys:
        start[k + 1] += 1
    for v in range(n_keys):
        start[v + 1] += start[v]
    out = np.empty(len(keys), np.int64)
    for i in range(len(keys)):
        out[start[keys[i]]] = i
        start[keys[i]] += 1
    return out


@njit(cache=True)
def where(mask):
    """Indices of the True entries (``np.flatnonzero``)."""
    count = 0
    for v in mask:
        count += v
    out = np.empty(count, np.int64)
    k = 0
    for i in range(len(mask)):
        if mask[i]:
            out[k] = i
            k += 1
    return out


@njit(cache=True)
def take1(a, idx):
    """a[idx] for a 1-D array."""
    out = np.empty(len(idx), a.dtype)
    for k in range(len(idx)):
        out[k] = a[idx[k]]
    return out


@njit(cache=True)
def take_rows(a, idx):
    """a[idx] for a 2-D array (rows)."""
    out = np.empty((len(idx), a.shape[1]), a.dtype)
    for k in range(len(idx)):
        for u in range(a.shape[1]):
            out[k, u] = a[idx[k], u]
    return out


@njit(cache=True)
def take_mats(a, idx):
    """a[idx] for a 3-D array (matrices)."""
    out = np.empty((len(idx), a.shape[1], a.shape[2]), a.dtype)
    for k in range(len(idx)):
        for u in range(a.shape[1]):
            for v in range(a.shape[2]):
                out[k, u, v] = a[idx[k], u, v]
    return out


@njit(cache=True)
def lengthened(a, cap):
    """``a`` (1-D) copied into a zeroed array of ``cap`` >= len(a) entries."""
    out = np.zeros(cap, a.dtype)
    for k in range(len(a)):
        out[k] = a[k]
    return out


@njit(cache=True)
def concat1(a, b):
    """a followed by b (1-D, same dtype)."""
    out = np.empty(len(a) + len(b), a.dtype)
    for k in range(len(a)):
        out[k] = a[k]
    for k in range(len(b)):
        out[len(a) + k] = b[k]
    return out


@njit(cache=True)
def first_at_least(sorted_values, value):
    """First index whose value is >= ``value`` (``searchsorted`` side left)."""
    lo, hi = 0, len(sorted_values)
    while lo < hi:
        mid = (lo + hi) // 2
        if sorted_values[mid] < value:
            lo = mid + 1
        else:
            hi = mid
    return lo


@njit(cache=True)
def first_above(sorted_values, value):
    """First index whose value is > ``value`` (``searchsorted`` side right)."""
    lo, hi = 0, len(sorted_values)
    while lo < hi:
        mid = (lo + hi) // 2
        if sorted_values[mid] <= value:
            lo = mid + 1
        else:
            hi = mid
    return lo


@njit(cache=True)
def sorted_unique(values):
    """Sorted distinct values of a small 1-D int array."""
    order = argsort(values)
    out = np.empty(len(values), values.dtype)
    k = 0
    for i in order:
        if k == 0 or values[i] != out[k - 1]:
            out[k] = values[i]
            k += 1
    return out[:k]
