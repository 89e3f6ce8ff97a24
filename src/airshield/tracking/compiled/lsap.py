"""Linear sum assignment, compiled: scipy's shortest augmenting path algorithm, ported.

The port follows ``scipy/optimize/rectangular_lsap/rectangular_lsap.cpp`` (Crouse, "On implementing
2D rectangular assignment algorithms", 2016) line for line, so for the same cost matrix it returns
the same assignment as :func:`scipy.optimize.linear_sum_assignment`, ties included. Only the case
the tracker needs is covered: a finite (rows, cols) matrix with rows <= cols, minimised.
"""

from __future__ import annotations

import numpy as np
from numba import njit


@njit(cache=True)
def _augmenting_path(cost, u, v, path, row4col, shortest, i, SR, SC, remaining):
    """Dijkstra from row ``i`` over reduced costs; (sink column or -1, its path length)."""
    nc = cost.shape[1]
    min_val = 0.0
    num_remaining = nc
    for it in range(nc):
        remaining[it] = nc - it - 1
    SR[:] = False
    SC[:] = False
    shortest[:] = np.inf
    sink = -1
    while sink == -1:
        index = -1
        lowest = np.inf
        SR[i] = True
        for it in range(num_remaining):
            j = remaining[it]
            r = min_val + cost[i, j] - u[i] - v[j]
            if r < shortest[j]:
                path[j] = i
                shortest[j] = r
            if shortest[j] < lowest or (shortest[j] == lowest and row4col[j] == -1):
                lowest = shortest[j]
                index = it
        min_val = lowest
        if min_val == np.inf:
            return -1, min_val
        j = remaining[index]
        if row4col[j] == -1:
            sink = j
        else:
            i = row4col[j]
        SC[j] = True
        num_remaining -= 1
        remaining[index] = remaining[num_remaining]
    return sink, min_val


@njit(cache=True)
def assign_rows(cost):
    """Column of each row (rows,) minimising the total cost of a (rows, cols) matrix, rows <= cols;
    -1 for every row when no finite assignment exists."""
    nr, nc = cost.shape
    u, v, shortest = np.zeros(nr), np.zeros(nc), np.empty(nc)
    path, col4row, row4col = np.full(nc, -1), np.full(nr, -1), np.full(nc, -1)
    SR, SC = np.zeros(nr, np.bool_), np.zeros(nc, np.bool_)
    remaining = np.empty(nc, np.int64)
    for cur in range(nr):
        sink, min_val = _augmenting_path(cost, u, v, path, row4col, shortest, cur, SR, SC, remaining)
        if sink < 0:
            col4row[:] = -1
            return col4row
        u[cur] += min_val
        for i in range(nr):
            if SR[i] and i != cur:
                u[i] += min_val - shortest[col4row[i]]
        for j in range(nc):
            if SC[j]:
                v[j] -= min_val - shortest[j]
        j = sink
        while True:
            i = path[j]
            row4col[j] = i
            col4row[i], j = j, col4row[i]
            if i == cur:
                break
    return col4row
