"""Gating and global nearest neighbour association, clustered so that large scans stay fast.

Candidate (track, plot) pairs come from a k-d tree query with a per-track radius that bounds the
gate (|nu|^2 <= gate * (lambda_max(P) + lambda_max(R)) is necessary for d^2 <= gate); exact squared
Mahalanobis distances are computed for those pairs only. The bipartite gate graph is split into
connected components; singletons are settled directly and each larger component is solved with
``scipy.optimize.linear_sum_assignment`` on [distances | miss costs].
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from airshield.tracking.kalman import mahalanobis2

BIG = 1e12
BATCH = 400
"""Gated pairs up to which all clusters of a scan are solved as one assignment problem [-]."""


def gate_pairs(pos: np.ndarray, pos_cov: np.ndarray, z: np.ndarray, R: np.ndarray,
               gate: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Track rows, plot rows and squared distances of all pairs inside the gate."""
    if len(pos) == 0 or len(z) == 0:
        e = np.zeros(0, int)
        return e, e, np.zeros(0)
    lam_p = np.linalg.eigvalsh(pos_cov)[:, -1]
    lam_r = np.linalg.eigvalsh(R)[:, -1].max()
    radius = np.sqrt(gate * (lam_p + lam_r)) * (1 + 1e-9)
    hits = cKDTree(z).query_ball_point(pos, radius)
    counts = np.fromiter((len(h) for h in hits), int, len(hits))
    t = np.repeat(np.arange(len(pos)), counts)
    p = np.fromiter((j for h in hits for j in h), int, counts.sum())
    d2 = mahalanobis2(z[p] - pos[t], pos_cov[t] + R[p])
    keep = d2 < gate
    return t[keep], p[keep], d2[keep]


def gnn_assign(n_tracks: int, n_plots: int, t: np.ndarray, p: np.ndarray, d2: np.ndarray,
               miss_cost) -> np.ndarray:
    """Plot row assigned to each track (n_tracks,), -1 for none, minimising the sum of pair costs
    ``d2`` (squared distances, or any cost below the miss cost) plus ``miss_cost`` (scalar or
    per track) per track left without a plot."""
    out = np.full(n_tracks, -1)
    if len(t) == 0:
        return out
    if np.bincount(t, minlength=n_tracks).max() == 1 and np.bincount(p, minlength=n_plots).max() == 1:
        out[t] = p  # every pair is its own component: no graph needed
        return out
    if len(t) <= BATCH:
        # a small scan: all clusters as one assignment problem (block diagonal in effect)
        _solve(out, t, p, d2, miss_cost)
        return out
    n = n_tracks + n_plots
    graph = coo_matrix((np.ones(len(t)), (t, n_tracks + p)), shape=(n, n))
    _, label = connected_components(graph, directed=False)
    comp = label[t]
    order = np.argsort(comp, kind="stable")
    t, p, d2, comp = t[order], p[order], d2[order], comp[order]
    starts = np.flatnonzero(np.r_[True, comp[1:] != comp[:-1]])
    sizes = np.diff(np.r_[starts, len(comp)])
    single = starts[sizes == 1]
    out[t[single]] = p[single]
    multi = np.repeat(sizes > 1, sizes)
    if multi.sum() <= BATCH:
        # small components solved together: one assignment problem, block diagonal in effect
        if multi.any():
            _solve(out, t[multi], p[multi], d2[multi], miss_cost)
        return out
    for a, size in zip(starts[sizes > 1], sizes[sizes > 1]):
        _solve(out, t[a:a + size], p[a:a + size], d2[a:a + size], miss_cost)
    return out


def _solve(out: np.ndarray, t: np.ndarray, p: np.ndarray, d2: np.ndarray, miss_cost) -> None:
    tracks, ti = np.unique(t, return_inverse=True)
    plots, pi = np.unique(p, return_inverse=True)
    nt, npl = len(tracks), len(plots)
    cost = np.full((nt, npl + nt), BIG)
    cost[ti, pi] = d2
    miss = np.asarray(miss_cost, float)
    cost[np.arange(nt), npl + np.arange(nt)] = miss[tracks] if miss.ndim else miss
    rows, cols = linear_sum_assignment(cost)
    hit = cols < npl
    out[tracks[rows[hit]]] = plots[cols[hit]]
