"""Minimum-cost matching of rows to distinct columns, made sparse on big matrices.

A dense linear assignment of a few hundred units to a few hundred targets costs about a tenth of a
second; keeping only each row's ``width`` cheapest columns, each column's ``width`` cheapest rows and
the rows' current columns (so the current matching stays feasible), the sparse solver
(``min_weight_full_bipartite_matching``) takes milliseconds and almost always finds the same optimum.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

#: sparse matching costs are rounded to this many steps of their range
RESOLUTION = 1e9


def min_cost_matching(cost: np.ndarray, current: np.ndarray, width: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows and their columns of a least-cost matching of every row of ``cost`` (n <= m) to a distinct column.

    ``current`` (n,) distinct columns forming a feasible matching; ``width`` the sparse candidate count
    (the dense solver runs when the matrix is small enough for it to be cheap).
    """
    n, m = cost.shape
    if n <= 2 * width or m <= 2 * width:
        return linear_sum_assignment(cost)
    keep = np.zeros(cost.shape, dtype=bool)
    np.put_along_axis(keep, np.argpartition(cost, width, axis=1)[:, :width], True, axis=1)
    np.put_along_axis(keep, np.argpartition(cost, width, axis=0)[:width, :], True, axis=0)
    keep[np.arange(n), current] = True
    r, c = np.nonzero(keep)
    return min_weight_full_bipartite_matching(csr_matrix((_integral(cost[r, c]), (r, c)), shape=cost.shape))


def _integral(cost: np.ndarray) -> np.ndarray:
    """Costs shifted to >= 1 and rounded to integers on a 1e-9 grid of their range (float64, exact).

    Every row is matched once, so a shift keeps the optimum; the sparse solver can loop forever on
    floating-point costs that differ in the last bits, never on integers.
    """
    low, span = cost.min(), max(float(np.ptp(cost)), 1e-300)
    return 1.0 + np.round((cost - low) * (RESOLUTION / span))
