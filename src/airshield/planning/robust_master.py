"""The defender's master problem of robust placement: the laydown that minimises the worst value lost
over a set of raids, each raid r with its own coverage model and an affine map to the engine's scale
(a_r + c_r x model loss, fitted by the caller):

    min_X max_r a_r + c_r (at_risk_r - F_r(X))

as a MILP with an epigraph variable z: minimise z subject to z >= a_r + c_r (at_risk_r - sum_j theta_rj)
for every raid, the saved value theta_rj of each threat row bounded above by tangent cuts of
w_j (1 - exp(s_j(X))) (outer approximation, as in :mod:`airshield.planning.optimise`), the unit counts
and one unit per site. The MILP's dual bound is a LOWER bound on the set's min-max; the laydown it
returns is scored exactly, so the bound and the best laydown bracket the answer (the master's gap).
Warm starts: the given laydowns and greedy on the scaled sum of the raids' models.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from airshield.planning.coverage import CoverageModel
from airshield.planning.optimise import cuts_at, greedy, grid_cuts, structure_of


@dataclass(frozen=True)
class MasterSolution:
    """Chosen probes, their worst scaled model loss, the lower bound on the min-max, the gap, how found."""

    chosen: np.ndarray
    worst: float
    lower_bound: float
    gap: float
    rounds: int
    time_s: float

    def to_dict(self) -> dict:
        return {"worst_model_value_lost": self.worst, "lower_bound": self.lower_bound, "gap": self.gap,
                "milp_rounds": self.rounds, "time_s": self.time_s}


def worst_loss(models: list[CoverageModel], scales: np.ndarray, chosen: np.ndarray, offsets=None) -> float:
    """max_r a_r + c_r (at_risk_r - F_r(X)) [value points]."""
    offsets = np.zeros(len(models)) if offsets is None else offsets
    return max(a + c * (m.at_risk - m.value_saved(chosen)) for m, c, a in zip(models, scales, offsets))


def solve_master(models: list[CoverageModel], scales: np.ndarray, counts: dict[str, int], *,
                 offsets: np.ndarray | None = None, warm: list[np.ndarray] = (), time_limit: float = 60.0,
                 max_rounds: int = 8, tol: float = 1e-4) -> MasterSolution:
    """The min-max laydown over the raids' models (module doc)."""
    start = time.perf_counter()
    offsets = np.zeros(len(models)) if offsets is None else np.asarray(offsets, dtype=float)
    worst = lambda x: worst_loss(models, scales, x, offsets)  # noqa: E731
    starts = [np.sort(np.asarray(w, dtype=int)) for w in warm] + [greedy(_summed(models, scales), counts)]
    best = min(starts, key=worst)
    best_value = worst(best)
    cuts = [grid_cuts(m) + [cuts_at(m, best)] for m in models]
    lower, rounds = -np.inf, 0
    while rounds < max_rounds:
        remaining = time_limit - (time.perf_counter() - start)
        if remaining <= 1:
            break
        rounds += 1
        x, bound = _milp(models, scales, offsets, counts, cuts, remaining)
        lower = max(lower, bound)
        if x is None:
            break
        value = worst(x)
        if value < best_value:
            best, best_value = x, value
        if best_value - lower <= tol * max(best_value, 1e-12):
            break
        for m, c in zip(models, cuts):
            c.append(cuts_at(m, x))
    lower = min(lower, best_value) if np.isfinite(lower) else 0.0
    gap = (best_value - lower) / best_value if best_value > 0 else 0.0
    return MasterSolution(np.sort(best), float(best_value), float(lower), float(gap), rounds,
                          time.perf_counter() - start)


def _summed(models: list[CoverageModel], scales: np.ndarray) -> CoverageModel:
    """One model holding every raid's threat rows, weights scaled by c_r (for a greedy warm start)."""
    first = models[0]
    return CoverageModel(sparse.vstack([m.P for m in models]).tocsc(),
                         np.concatenate([c * m.w for m, c in zip(models, scales)]),
                         first.probe_site, first.probe_type, float(sum(c * m.at_risk for m, c in zip(models, scales))),
                         first.samples)


def _milp(models: list[CoverageModel], scales: np.ndarray, offsets: np.ndarray, counts: dict[str, int], cuts,
          time_limit: float):
    """Solve the epigraph MILP; (chosen probes or None, lower bound on z)."""
    by_type, need, by_site = structure_of(models[0], counts)
    n_probes = models[0].P.shape[1]
    sizes = [m.P.shape[0] for m in models]
    n_theta = sum(sizes)
    n = n_probes + n_theta + 1
    offsets = np.concatenate([[n_probes], n_probes + np.cumsum(sizes)])
    rows, lows, highs = [], [], []
    rows.append(_block(by_type, 0, n)), lows.append(need), highs.append(need)
    rows.append(_block(by_site, 0, n)), lows.append(np.zeros(by_site.shape[0])), highs.append(np.ones(by_site.shape[0]))
    for r, (m, model_cuts) in enumerate(zip(models, cuts)):
        eye = sparse.identity(sizes[r], format="csr")
        for A, rhs, which in model_cuts:
            rows.append(sparse.hstack([A, sparse.csr_matrix((len(which), offsets[r] - n_probes)), eye[which],
                                       sparse.csr_matrix((len(which), n - offsets[r + 1]))]).tocsr())
            lows.append(np.full(len(which), -np.inf)), highs.append(rhs)
        epigraph = np.zeros(n)
        epigraph[offsets[r]:offsets[r + 1]] = scales[r]
        epigraph[-1] = 1.0
        rows.append(sparse.csr_matrix(epigraph)), lows.append([offsets[r] + scales[r] * m.at_risk]), highs.append([np.inf])
    matrix = sparse.vstack(rows).tocsr()
    c = np.zeros(n)
    c[-1] = 1.0
    integrality = np.concatenate([np.ones(n_probes), np.zeros(n_theta + 1)])
    upper = np.concatenate([np.ones(n_probes), *[m.w for m in models], [np.inf]])
    res = milp(c, constraints=LinearConstraint(matrix, np.concatenate(lows), np.concatenate(highs)),
               integrality=integrality, bounds=Bounds(np.concatenate([np.zeros(n - 1), [-np.inf]]), upper),
               options={"time_limit": max(1.0, time_limit), "mip_rel_gap": 1e-6, "disp": False})
    bound = getattr(res, "mip_dual_bound", None)
    bound = float(bound) if bound is not None and np.isfinite(bound) else (float(res.fun) if res.x is not None else -np.inf)
    if res.x is None:
        return None, bound
    return np.flatnonzero(res.x[:n_probes] > 0.5), bound


def _block(matrix: sparse.spmatrix, column: int, width: int) -> sparse.csr_matrix:
    """``matrix`` placed at ``column`` in a row block ``width`` columns wide."""
    left = sparse.csr_matrix((matrix.shape[0], column))
    right = sparse.csr_matrix((matrix.shape[0], width - column - matrix.shape[1]))
    return sparse.hstack([left, matrix, right]).tocsr()
