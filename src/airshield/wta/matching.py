"""Minimum-cost matching of rows to distinct columns, made sparse on big matrices.

A dense linear assignment of a few hundred units to a few hundred targets costs about a tenth of a
second; keeping only each row's ``width`` cheapest columns, each column's ``width`` cheapest rows and
the rows' current columns (so the current matching stays feasible), the sparse solver
(``min_weight_full_bipartite_matching``) takes milliseconds (the graph is built by a compiled kernel,
:func:`~airshield.wta.compiled.sparse_candidates`) and almost always finds the same optimum.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from airshield.wta.compiled import sparse_candidates, unit_candidates

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
    graph = sparse_candidates(np.ascontiguousarray(cost, dtype=float), np.asarray(current, dtype=np.int64),
                              width, RESOLUTION)
    return min_weight_full_bipartite_matching(csr_matrix(graph, shape=cost.shape))



def unit_matching(surv: np.ndarray, p: np.ndarray, w: np.ndarray, current: np.ndarray, width: int,
                  killers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`min_cost_matching` of units (weapon ``w[u]``, now on target ``current[u]``) to targets,
    cost ``-surv[j] p[w[u], j]`` [value units]; ``killers`` (T, W) the weapons by decreasing kill
    probability on each target (:func:`kill_order`). The sparse graph is built from the cost's
    structure (:func:`~airshield.wta.compiled.unit_candidates`), twice as fast as from the matrix.
    """
    n, m = w.size, surv.size
    if n <= 2 * width or m <= 2 * width:
        return linear_sum_assignment(-surv[None, :] * p[w, :])
    graph = unit_candidates(surv, p, w.astype(np.int64), current.astype(np.int64), width, killers, RESOLUTION)
    return min_weight_full_bipartite_matching(csr_matrix(graph, shape=(n, m)))


def kill_order(p: np.ndarray) -> np.ndarray:
    """(T, W) the weapons by decreasing kill probability ``p`` (W, T) on each target (stable)."""
    return np.ascontiguousarray(np.argsort(-p, axis=0, kind="stable").T)
