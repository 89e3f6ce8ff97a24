"""Choosing probes (site, type) to maximise the coverage model's value saved F(X).

Constraints: exactly ``counts[t]`` units of each type, at most one unit per site.

1. Greedy by marginal gain. F is monotone submodular and the constraints are the intersection of two
   matroids (a partition matroid by type, one unit per site), so greedy is within 1/3 of the optimum
   (Fisher, Nemhauser & Wolsey 1978); then swap moves (same type, another free site) while they help.
2. Exact: a MILP (HiGHS through scipy.optimize.milp). With s_j = sum_u log(1 - P_ju) x_u (linear in
   the binary x), a threat's saved value is w_j (1 - exp(s_j)), concave in s_j; it is bounded above
   by tangent lines  theta_j <= w_j (1 - e^a - e^a (s_j - a))  at a fixed grid of points a, and after
   each MILP round tangents are added at the answer's own s_j (outer approximation, exact in the
   limit). The MILP's objective (or its dual bound when a time limit stops it) is an UPPER bound on the
   model's optimum; the best set found is a lower bound. The reported gap is (upper - best) / upper,
   in value saved.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from airshield.planning.coverage import CoverageModel


@dataclass(frozen=True)
class Solution:
    """Chosen probes, the model's value saved, the upper bound and the gap; how it was found."""

    chosen: np.ndarray
    value_saved: float
    greedy_value: float
    upper_bound: float
    gap: float
    method: str
    rounds: int
    time_s: float
    proven: bool

    def to_dict(self) -> dict:
        return {"value_saved": self.value_saved, "greedy_value": self.greedy_value, "upper_bound": self.upper_bound,
                "gap": self.gap, "method": self.method, "milp_rounds": self.rounds, "time_s": self.time_s,
                "proven_optimal_within_tol": self.proven}


def greedy(model: CoverageModel, counts: dict[str, int]) -> np.ndarray:
    """Greedy by marginal gain under the type counts and one unit per site, then swaps."""
    types = np.array(model.probe_type)
    left = dict(counts)
    used_sites: set[int] = set()
    chosen: list[int] = []
    q = np.ones(model.P.shape[0])
    PT = model.P.T.tocsr()
    for _ in range(sum(counts.values())):
        gains = PT @ (model.w * q)
        ok = np.array([left.get(t, 0) > 0 for t in types]) & ~np.isin(model.probe_site, list(used_sites))
        if not ok.any():
            raise ValueError("more units than free candidate sites")
        gains = np.where(ok, gains, -np.inf)
        u = int(np.argmax(gains))  # ties: lowest index (deterministic)
        chosen.append(u)
        left[types[u]] -= 1
        used_sites.add(int(model.probe_site[u]))
        col = model.P.getcol(u)
        q[col.indices] *= 1.0 - col.data
    return _swaps(model, np.array(chosen, dtype=int), PT)


def _swaps(model: CoverageModel, chosen: np.ndarray, PT, passes: int = 5) -> np.ndarray:
    types = np.array(model.probe_type)
    chosen = chosen.copy()
    for _ in range(passes):
        improved = False
        for k in range(len(chosen)):
            others = np.delete(chosen, k)
            q = model.survival(others)
            gains = PT @ (model.w * q)
            used = set(model.probe_site[others].tolist())
            ok = (types == types[chosen[k]]) & ~np.isin(model.probe_site, list(used))
            gains = np.where(ok, gains, -np.inf)
            best = int(np.argmax(gains))
            if gains[best] > gains[chosen[k]] * (1 + 1e-9) + 1e-12:
                chosen[k] = best
                improved = True
        if not improved:
            break
    return np.sort(chosen)


def solve(model: CoverageModel, counts: dict[str, int], *, time_limit: float = 60.0, max_rounds: int = 8,
          tol: float = 1e-4) -> Solution:
    """Greedy + constraint-generation MILP (see module doc); the best set with its certified gap."""
    start = time.perf_counter()
    best = greedy(model, counts)
    greedy_value = best_value = model.value_saved(best)
    n_threats, n_probes = model.P.shape
    if n_threats == 0 or best_value <= 0:
        return Solution(best, best_value, greedy_value, best_value, 0.0, "greedy (nothing to cover)", 0,
                        time.perf_counter() - start, True)
    cuts = grid_cuts(model) + [cuts_at(model, best)]
    upper, rounds, proven = np.inf, 0, False
    structure = structure_of(model, counts)
    while rounds < max_rounds:
        remaining = time_limit - (time.perf_counter() - start)
        if remaining <= 1:
            break
        rounds += 1
        x, bound, optimal = _milp(model, structure, cuts, remaining)
        upper = min(upper, bound)
        if x is None:
            break
        value = model.value_saved(x)
        if value > best_value:
            best, best_value = x, value
        if upper - best_value <= tol * upper:
            proven = optimal or upper - best_value <= tol * upper
            break
        cuts.append(cuts_at(model, x))
    upper = max(upper, best_value) if np.isfinite(upper) else np.inf
    gap = (upper - best_value) / upper if np.isfinite(upper) and upper > 0 else float("nan")
    method = "greedy+swaps; MILP outer approximation (HiGHS)"
    return Solution(np.sort(best), best_value, greedy_value, float(upper), float(gap), method, rounds,
                    time.perf_counter() - start, bool(proven))


GRID = (0.0, 0.05, 0.15, 0.3, 0.45, 0.6, 0.72, 0.82, 0.9, 0.95, 0.98, 0.995, 0.999)


def _logs(model: CoverageModel) -> sparse.csr_matrix:
    L = model.P.tocsr(copy=True)
    L.data = np.log1p(-np.minimum(L.data, 1 - 1e-12))
    return L


def _tangents(model: CoverageModel, L: sparse.csr_matrix, a: np.ndarray, rows: np.ndarray):
    """Rows theta_j + w_j e^a_j s_j(x) <= w_j (1 - e^a_j + e^a_j a_j) for threats ``rows`` as (A_x, rhs, rows)."""
    e = np.exp(a)
    A = sparse.diags(model.w[rows] * e) @ L[rows]
    rhs = model.w[rows] * (1.0 - e + e * a)
    return A.tocsr(), rhs, rows


def cuts_at(model: CoverageModel, T: np.ndarray):
    """Tangents at the s_j of set T for every threat."""
    L = _logs(model)
    s = np.log(np.maximum(model.survival(T), 1e-300))
    return _tangents(model, L, s, np.arange(model.P.shape[0]))


def grid_cuts(model: CoverageModel) -> list:
    L = _logs(model)
    rows = np.arange(model.P.shape[0])
    return [_tangents(model, L, np.full(len(rows), np.log1p(-p)), rows) for p in GRID]


def structure_of(model: CoverageModel, counts: dict[str, int]):
    n_probes = model.P.shape[1]
    types = sorted(counts)
    by_type = sparse.csr_matrix(np.array([[1.0 if t == tt else 0.0 for t in model.probe_type] for tt in types]))
    need = np.array([counts[t] for t in types], dtype=float)
    n_sites = int(model.probe_site.max()) + 1
    by_site = sparse.csr_matrix((np.ones(n_probes), (model.probe_site, np.arange(n_probes))), shape=(n_sites, n_probes))
    return by_type, need, by_site


def _milp(model: CoverageModel, structure, cuts, time_limit: float):
    by_type, need, by_site = structure
    n_threats, n_probes = model.P.shape
    rows, lows, highs = [], [], []
    zeros_t = sparse.csr_matrix((by_type.shape[0], n_threats))
    rows.append(sparse.hstack([by_type, zeros_t]))
    lows.append(need), highs.append(need)
    rows.append(sparse.hstack([by_site, sparse.csr_matrix((by_site.shape[0], n_threats))]))
    lows.append(np.zeros(by_site.shape[0])), highs.append(np.ones(by_site.shape[0]))
    eye = sparse.identity(n_threats, format="csr")
    for A, rhs, which in cuts:
        rows.append(sparse.hstack([A, eye[which]]))
        lows.append(np.full(len(which), -np.inf)), highs.append(rhs)
    matrix = sparse.vstack(rows).tocsr()
    c = np.concatenate([np.zeros(n_probes), -np.ones(n_threats)])
    integrality = np.concatenate([np.ones(n_probes), np.zeros(n_threats)])
    bounds = Bounds(np.zeros(n_probes + n_threats), np.concatenate([np.ones(n_probes), model.w]))
    res = milp(c, constraints=LinearConstraint(matrix, np.concatenate(lows), np.concatenate(highs)),
               integrality=integrality, bounds=bounds,
               options={"time_limit": max(1.0, time_limit), "mip_rel_gap": 1e-6, "disp": False})
    bound = -getattr(res, "mip_dual_bound", np.nan) if getattr(res, "mip_dual_bound", None) is not None else np.inf
    if res.x is None:
        return None, bound if np.isfinite(bound) else np.inf, False
    x = np.flatnonzero(res.x[:n_probes] > 0.5)
    if not np.isfinite(bound):
        bound = -res.fun
    return x, float(bound), res.status == 0
