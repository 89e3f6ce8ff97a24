"""The outer-approximation MILP of WTA: tangent cuts below ``V_j exp(-s_j)``.

With ``a_ij = -ln(1 - p_ij)`` and ``s_j = sum_i a_ij x_ij``, ``F = sum_j V_j exp(-s_j)``. That term is
convex in ``s_j``, so each tangent ``z_j >= V_j e^{-s0} (1 + s0 - s_j)`` lies below it; minimising
``sum_j z_j`` over a set of tangents is a MILP whose optimum is a valid lower bound on the WTA optimum.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_matrix, csr_matrix

from airshield.wta.problem import WtaProblem

#: ``scipy.optimize.milp`` status of a HiGHS solve error
SOLVE_ERROR = 4


@dataclass
class CutModel:
    """The MILP in variables ``(x_pairs, z)``: x over reachable pairs (p > 0), one z per target."""

    problem: WtaProblem
    pair_w: np.ndarray
    pair_t: np.ndarray
    pair_a: np.ndarray
    cut_t: list = field(default_factory=list)
    cut_s: list = field(default_factory=list)

    @classmethod
    def build(cls, problem: WtaProblem) -> "CutModel":
        """A model with no cuts yet over the reachable pairs of ``problem``."""
        w, t = np.nonzero(problem.p > 0)
        return cls(problem, w, t, problem.log_survival[w, t])

    @property
    def n_pairs(self) -> int:
        """Number of x variables."""
        return self.pair_w.size

    def add_cuts(self, targets: np.ndarray, points: np.ndarray) -> int:
        """Add tangents of target ``targets[k]`` at ``s0 = points[k]``; returns how many were new."""
        known = set(zip(self.cut_t, np.round(self.cut_s, 12)))
        added = 0
        for j, s0 in zip(np.asarray(targets, int), np.asarray(points, float)):
            key = (int(j), round(float(s0), 12))
            if key not in known:
                known.add(key)
                self.cut_t.append(int(j))
                self.cut_s.append(float(s0))
                added += 1
        return added

    def s_of(self, xpairs: np.ndarray) -> np.ndarray:
        """``s_j`` (T,) for pair values ``xpairs``."""
        return np.bincount(self.pair_t, weights=self.pair_a * xpairs, minlength=self.problem.targets)

    def to_dense(self, xpairs: np.ndarray) -> np.ndarray:
        """The (W, T) integer assignment of pair values ``xpairs``."""
        x = np.zeros(self.problem.p.shape, dtype=np.int64)
        x[self.pair_w, self.pair_t] = np.round(xpairs).astype(np.int64)
        return x

    def to_pairs(self, x: np.ndarray) -> np.ndarray:
        """Pair values of a (W, T) assignment."""
        return np.asarray(x, dtype=float)[self.pair_w, self.pair_t]

    def solve(self, time_limit: float, gap: float) -> tuple[np.ndarray | None, float, bool]:
        """Solve the MILP: ``(pair values or None, lower bound, solved to optimality)``."""
        n, T = self.n_pairs, self.problem.targets
        values = self.problem.values
        c = np.concatenate([np.zeros(n), np.ones(T)])
        reachable = np.bincount(self.pair_t, minlength=T) > 0
        lo = np.concatenate([np.zeros(n), np.where(reachable, 0.0, values)])
        hi = np.concatenate([self.problem.mu[self.pair_w].astype(float), values])
        args = dict(c=c, integrality=np.concatenate([np.ones(n), np.zeros(T)]), bounds=Bounds(lo, hi),
                    constraints=self._constraints())
        options = {"time_limit": max(time_limit, 1e-3), "mip_rel_gap": gap, "disp": False}
        res = milp(**args, options=options)
        if res.status == SOLVE_ERROR:          # HiGHS's presolve occasionally fails on nearly parallel cuts
            res = milp(**args, options={**options, "presolve": False})
        bound = getattr(res, "mip_dual_bound", None)
        if bound is None or not np.isfinite(bound):
            bound = res.fun if res.status == 0 else 0.0
        if res.x is None:
            return None, float(bound), False
        return res.x[:n], float(bound), res.status == 0

    def _constraints(self) -> list[LinearConstraint]:
        n, T, W = self.n_pairs, self.problem.targets, self.problem.weapons
        cap = coo_matrix((np.ones(n), (self.pair_w, np.arange(n))), shape=(W, n + T))
        out = [LinearConstraint(cap.tocsr(), -np.inf, self.problem.mu.astype(float))]
        if self.cut_t:
            out.append(self._cut_rows())
        return out

    def _cut_rows(self) -> LinearConstraint:
        n, T = self.n_pairs, self.problem.targets
        ct, cs = np.asarray(self.cut_t), np.asarray(self.cut_s)
        slope = self.problem.values[ct] * np.exp(-cs)
        order = np.argsort(self.pair_t, kind="stable")
        starts = np.searchsorted(self.pair_t[order], np.arange(T + 1))
        rows, cols, data = [], [], []
        for r, (j, c) in enumerate(zip(ct, slope)):
            members = order[starts[j]:starts[j + 1]]
            rows.append(np.full(members.size + 1, r))
            cols.append(np.append(members, n + j))
            data.append(np.append(c * self.pair_a[members], 1.0))
        m = csr_matrix((np.concatenate(data), (np.concatenate(rows), np.concatenate(cols))),
                       shape=(len(ct), n + T))
        return LinearConstraint(m, slope * (1.0 + cs), np.inf)
