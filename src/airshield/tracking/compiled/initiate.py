"""Clusters of the plots left over in a frame, compiled: the rule of
:func:`airshield.tracking.frames._clusters`, labels in the same order.

Plots of different sensors whose squared Mahalanobis distance (covariance ``R_a + R_b``) is below
the gate join; connected components are labelled in the order of their first plot; a component in
which a sensor repeats is split into single plots, labelled after all others in plot order.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from airshield.tracking.compiled.arrays import argsort
from airshield.tracking.compiled.associate import _find
from airshield.tracking.compiled.small import inv3_quad


@njit(cache=True)
def _join_close(z, R, sensor, gate, parent, order):
    """Union of every cross-sensor pair of plots inside the gate of each other."""
    m = len(z)
    tr = np.empty(m)
    for j in range(m):
        tr[j] = R[j, 0, 0] + R[j, 1, 1] + R[j, 2, 2]
    max_tr = tr.max()
    for a_k in range(m):
        a = order[a_k]
        radius = math.sqrt(gate * (tr[a] + max_tr))
        for b_k in range(a_k + 1, m):
            b = order[b_k]
            if z[b, 0] - z[a, 0] > radius:
                break
            if sensor[a] == sensor[b]:
                continue
            d0, d1, d2 = z[a, 0] - z[b, 0], z[a, 1] - z[b, 1], z[a, 2] - z[b, 2]
            if d0 * d0 + d1 * d1 + d2 * d2 > gate * (tr[a] + tr[b]):
                continue
            _, dist = inv3_quad(R[a, 0, 0] + R[b, 0, 0], R[a, 0, 1] + R[b, 0, 1], R[a, 0, 2] + R[b, 0, 2],
                                R[a, 1, 0] + R[b, 1, 0], R[a, 1, 1] + R[b, 1, 1], R[a, 1, 2] + R[b, 1, 2],
                                R[a, 2, 0] + R[b, 2, 0], R[a, 2, 1] + R[b, 2, 1], R[a, 2, 2] + R[b, 2, 2], d0, d1, d2)
            if dist < gate:
                ra, rb = _find(parent, a), _find(parent, b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)


@njit(cache=True)
def clusters(z, R, sensor, gate, width, order):
    """(label of each plot (m,), number of labels); ``width`` > every sensor row; ``order`` the
    stable argsort of ``z[:, 0]``."""
    m = len(z)
    parent = np.arange(m)
    if m > 1:
        _join_close(z, R, sensor, gate, parent, order)
    comp = np.full(m, -1)
    n_comp = 0
    for j in range(m):
        r = _find(parent, j)
        if comp[r] < 0:
            comp[r] = n_comp
            n_comp += 1
        comp[j] = comp[r]
    bad = np.zeros(n_comp, np.bool_)
    key = np.empty(m, np.int64)
    for j in range(m):
        key[j] = comp[j] * width + sensor[j]
    order = argsort(key)
    for k in range(1, m):
        if key[order[k]] == key[order[k - 1]]:
            bad[comp[order[k]]] = True
    new = np.full(n_comp, -1)
    n_label = 0
    for c in range(n_comp):
        if not bad[c]:
            new[c] = n_label
            n_label += 1
    label = np.empty(m, np.int64)
    for j in range(m):
        if bad[comp[j]]:
            label[j] = n_label
            n_label += 1
        else:
            label[j] = new[comp[j]]
    return label, n_label
