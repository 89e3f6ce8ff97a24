"""numpy's pairwise summation, so that compiled sums equal ``ndarray.sum`` to the last bit."""

from __future__ import annotations

import numpy as np
from numba import njit

BLOCK = 128  # numpy's PW_BLOCKSIZE


@njit(cache=True)
def _block(a, lo: int, n: int) -> float:
    """numpy's sum of at most 128 contiguous values: sequential below 8, else 8 accumulators."""
    if n < 8:
        res = 0.0
        for i in range(n):
            res += a[lo + i]
        return res
    r0, r1, r2, r3 = a[lo], a[lo + 1], a[lo + 2], a[lo + 3]
    r4, r5, r6, r7 = a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]
    i = 8
    while i < n - (n % 8):
        r0 += a[lo + i]
        r1 += a[lo + i + 1]
        r2 += a[lo + i + 2]
        r3 += a[lo + i + 3]
        r4 += a[lo + i + 4]
        r5 += a[lo + i + 5]
        r6 += a[lo + i + 6]
        r7 += a[lo + i + 7]
        i += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < n:
        res += a[lo + i]
        i += 1
    return res


@njit(cache=True)
def pairwise(a, lo: int, n: int) -> float:
    """Sum of ``a[lo:lo + n]`` as numpy sums a contiguous row: halves (at multiples of 8) summed
    apart down to blocks of 128. Without recursion (cached recursive functions are unsafe in
    numba); IEEE addition being commutative, only the shape of the tree matters."""
    if n <= BLOCK:
        return _block(a, lo, n)
    node_lo, node_n, node_step = np.empty(128, np.int64), np.empty(128, np.int64), np.empty(128, np.int64)
    values = np.empty(128)
    top, depth = 0, 0
    node_lo[0], node_n[0], node_step[0] = lo, n, 0
    top = 1
    while top:
        top -= 1
        start, size, step = node_lo[top], node_n[top], node_step[top]
        if step == 1:
            depth -= 1
            values[depth - 1] = values[depth - 1] + values[depth]
        elif size <= BLOCK:
            values[depth] = _block(a, start, size)
            depth += 1
        else:
            half = size // 2
            half -= half % 8
            node_lo[top], node_n[top], node_step[top] = start, size, 1
            node_lo[top + 1], node_n[top + 1], node_step[top + 1] = start + half, size - half, 0
            node_lo[top + 2], node_n[top + 2], node_step[top + 2] = start, half, 0
            top += 3
    return values[0]


@njit(cache=True)
def row_sum(a) -> float:
    """``a.sum()`` of a 1-D float array, bit for bit."""
    return 0.0 + pairwise(a, 0, len(a))
