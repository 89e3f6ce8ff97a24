"""A start for the search built layer by layer with linear assignments.

Layer 1 gives every target at most one unit: the units that remove the most expected surviving value
together (a linear assignment of all units to distinct targets, gain ``S_j p_ij``). Each further layer
does the same with the units left and the survival left. On instances with many more units than a
greedy choice can place well (mu >= 2, T ~ 2W) this starts much closer to the optimum than greedy.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment

from airshield.wta.problem import WtaProblem


def layered_assignment(problem: WtaProblem, fixed: np.ndarray | None = None) -> np.ndarray:
    """Integer assignment (W, T): layers of at most one unit per target, each an optimal assignment;
    with ``fixed`` (W, T), those units stay and the layers place the units left around them."""
    x = np.zeros(problem.p.shape, dtype=np.int64) if fixed is None else np.array(fixed, dtype=np.int64)
    surv = problem.survival(x) if fixed is not None else problem.values.astype(float).copy()
    left = problem.mu - x.sum(axis=1)
    while left.sum() > 0:
        units = np.repeat(np.arange(problem.weapons), left)
        rows, cols = linear_sum_assignment(-surv[None, :] * problem.p[units])
        useful = problem.p[units[rows], cols] > 0
        if not useful.any():
            break
        rows, cols = rows[useful], cols[useful]
        np.add.at(x, (units[rows], cols), 1)
        np.subtract.at(left, units[rows], 1)
        surv[cols] *= 1.0 - problem.p[units[rows], cols]
    return x
