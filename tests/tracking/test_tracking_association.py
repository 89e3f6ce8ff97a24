"""The clustered sparse GNN equals a dense assignment, and gating keeps every pair inside the gate."""

import numpy as np
from scipy.optimize import linear_sum_assignment

from airshield.tracking import gate_pairs, gnn_assign
from airshield.tracking.kalman import mahalanobis2


def dense(pos, pcov, z, R, gate):
    nt, npl = len(pos), len(z)
    d2 = np.array([[mahalanobis2((z[j] - pos[i])[None], (pcov[i] + R[j])[None])[0] for j in range(npl)]
                   for i in range(nt)]).reshape(nt, npl)
    cost = np.full((nt, npl + nt), 1e12)
    cost[:, :npl] = np.where(d2 < gate, d2, 1e12)
    cost[np.arange(nt), npl + np.arange(nt)] = gate
    r, c = linear_sum_assignment(cost)
    out = np.full(nt, -1)
    out[r[c < npl]] = c[c < npl]
    return out, cost


def test_sparse_clustered_gnn_matches_dense():
    rng = np.random.default_rng(0)
    gate = 16.0
    for _ in range(30):
        nt, npl = rng.integers(0, 25), rng.integers(0, 30)
        pos = rng.uniform(0, 5000, (nt, 3))
        z = rng.uniform(0, 5000, (npl, 3))
        a = rng.normal(size=(nt, 3, 3)) * 150
        pcov = a @ a.transpose(0, 2, 1) + np.eye(3) * 100
        b = rng.normal(size=(npl, 3, 3)) * 100
        R = b @ b.transpose(0, 2, 1) + np.eye(3) * 100
        t, p, d2 = gate_pairs(pos, pcov, z, R, gate)
        assert np.all(d2 < gate)
        ours = gnn_assign(nt, npl, t, p, d2, gate)
        ref, cost = dense(pos, pcov, z, R, gate)
        total = lambda out: sum(cost[i, out[i]] if out[i] >= 0 else gate for i in range(nt))  # noqa: E731
        assert np.isclose(total(ours), total(ref))
        assert len(set(ours[ours >= 0])) == (ours >= 0).sum()
        # every gated dense pair was found
        dense_pairs = {(i, j) for i in range(nt) for j in range(npl) if cost[i, j] < gate}
        assert dense_pairs == set(zip(t.tolist(), p.tolist()))
