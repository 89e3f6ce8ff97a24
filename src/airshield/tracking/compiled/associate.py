"""Gating and global-nearest-neighbour association of one frame, compiled.

The same pairs, costs and assignment as :mod:`airshield.tracking.frames` (``_gate_pairs`` and
``_views``): a (track, plot) pair is gated when its squared Mahalanobis distance is below the gate;
pairs are grouped into (track, sensor) *views*, a pair costs ``d^2 + ln det S`` and a view left
without a plot costs ``gate + ln det S`` of its closest pair; the assignment minimising the total is
solved per connected component of the gate graph by the scipy algorithm (:mod:`.lsap`).
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from airshield.tracking.compiled.arrays import (argsort, counting_order, first_above, first_at_least, lengthened,
                                                sorted_unique)
from airshield.tracking.compiled.lsap import assign_rows
from airshield.tracking.compiled.small import inv3_quad

BIG = 1e12
"""Cost of a (view, plot) entry outside the gate [-]."""

SLACK = 1.05
"""Margin of the per-axis bounds below over round-off [-]: they only skip pairs that fail the gate."""


@njit(cache=True)
def _sort_tail(t, p, d2, ld, start, stop):
    """Insertion sort of the pairs [start, stop) by plot row (they share one track)."""
    for a in range(start + 1, stop):
        pa, da, la = p[a], d2[a], ld[a]
        b = a - 1
        while b >= start and p[b] > pa:
            p[b + 1], d2[b + 1], ld[b + 1] = p[b], d2[b], ld[b]
            b -= 1
        p[b + 1], d2[b + 1], ld[b + 1] = pa, da, la


@njit(cache=True)
def gate_pairs(X, P, z, R, gate, order):
    """Pairs inside the gate: (track rows, plot rows, d^2, ln det S), in track then plot order.
    ``X`` (n, 6) and ``P`` (n, 6, 6) predicted tracks; ``z`` (m, 3) [m], ``R`` (m, 3, 3) plots;
    ``order`` the stable argsort of ``z[:, 0]``."""
    n, m = X.shape[0], z.shape[0]
    cap = max(16, 2 * m)
    t, p = np.empty(cap, np.int64), np.empty(cap, np.int64)
    d2, ld = np.empty(cap), np.empty(cap)
    if n == 0 or m == 0:
        return t[:0], p[:0], d2[:0], ld[:0]
    tr_r = np.empty(m)
    for j in range(m):
        tr_r[j] = R[j, 0, 0] + R[j, 1, 1] + R[j, 2, 2]
    max_r, max_rx = tr_r.max(), R[0, 0, 0]
    for j in range(m):
        max_rx = max(max_rx, R[j, 0, 0])
    zx = np.empty(m)
    for k in range(m):
        zx[k] = z[order[k], 0]
    count = 0
    for i in range(n):
        p00, p01, p02 = P[i, 0, 0], P[i, 0, 1], P[i, 0, 2]
        p10, p11, p12 = P[i, 1, 0], P[i, 1, 1], P[i, 1, 2]
        p20, p21, p22 = P[i, 2, 0], P[i, 2, 1], P[i, 2, 2]
        xi0, xi1, xi2 = X[i, 0], X[i, 1], X[i, 2]
        tr_p = p00 + p11 + p22
        # Inside the gate, d_u^2 <= (d^T S^-1 d) S_uu < gate S_uu on every axis u (Cauchy-Schwarz,
        # S positive definite): along x that narrows the window of the trace bound; along y and z
        # it skips pairs before their 3 x 3 inverse. Pairs skipped would fail the gate.
        radius = math.sqrt(min(gate * (tr_p + max_r), SLACK * gate * (p00 + max_rx)))
        lo, hi = first_at_least(zx, X[i, 0] - radius), first_above(zx, X[i, 0] + radius)
        start = count
        for k in range(lo, hi):
            j = order[k]
            a, b, c = z[j, 0] - xi0, z[j, 1] - xi1, z[j, 2] - xi2
            if a * a + b * b + c * c > gate * (tr_p + tr_r[j]):
                continue
            if b * b > SLACK * gate * (p11 + R[j, 1, 1]) or c * c > SLACK * gate * (p22 + R[j, 2, 2]):
                continue
            det, dist = inv3_quad(p00 + R[j, 0, 0], p01 + R[j, 0, 1], p02 + R[j, 0, 2],
                                  p10 + R[j, 1, 0], p11 + R[j, 1, 1], p12 + R[j, 1, 2],
                                  p20 + R[j, 2, 0], p21 + R[j, 2, 1], p22 + R[j, 2, 2], a, b, c)
            if dist < gate:
                if count == cap:
                    cap *= 2
                    t, p, d2, ld = lengthened(t, cap), lengthened(p, cap), lengthened(d2, cap), lengthened(ld, cap)
                t[count], p[count], d2[count], ld[count] = i, j, dist, math.log(det)
                count += 1
        _sort_tail(t, p, d2, ld, start, count)
    return t[:count], p[:count], d2[:count], ld[:count]


@njit(cache=True)
def _views(t, p, sensor, width):
    """View of each pair (its (track, sensor) in increasing order) and the track of each view."""
    key = np.empty(len(t), np.int64)
    for k in range(len(t)):
        key[k] = t[k] * width + sensor[p[k]]
    order = argsort(key)
    vt = np.empty(len(t), np.int64)
    view_track = np.empty(len(t), np.int64)
    nv = -1
    last = -1
    for k in order:
        if key[k] != last:
            nv += 1
            last = key[k]
            view_track[nv] = t[k]
        vt[k] = nv
    return vt, view_track[: nv + 1]


@njit(cache=True)
def _find(parent, a):
    while parent[a] != a:
        parent[a] = parent[parent[a]]
        a = parent[a]
    return a


@njit(cache=True)
def _components(vt, p, nv, n_plots):
    """Component root (over views then plots) of each pair of the bipartite gate graph."""
    parent = np.arange(nv + n_plots)
    for k in range(len(vt)):
        a, b = _find(parent, vt[k]), _find(parent, nv + p[k])
        if a != b:
            parent[max(a, b)] = min(a, b)
    root = np.empty(len(vt), np.int64)
    for k in range(len(vt)):
        root[k] = _find(parent, vt[k])
    return root


@njit(cache=True)
def _solve_component(pairs, vt, p, cost, miss, got, view_local, plot_local):
    """Optimal plots of the views of one component (pair indices ``pairs``) into ``got``."""
    if len(pairs) == 1:
        got[vt[pairs[0]]] = p[pairs[0]]
        return
    one_view = True
    for a in range(1, len(pairs)):
        one_view = one_view and vt[pairs[a]] == vt[pairs[0]]
    if one_view:
        # One row: the LSAP takes the cheapest column, the lowest plot row among equals (its scan
        # runs from the last column down and keeps the latest of equal lowest), and the miss column
        # (gate + the view's least ln det S) costs more than the pair of that least ln det S.
        best = pairs[0]
        for a in range(1, len(pairs)):
            k = pairs[a]
            if cost[k] < cost[best] or (cost[k] == cost[best] and p[k] < p[best]):
                best = k
        got[vt[best]] = p[best]
        return
    views, plots = np.empty(len(pairs), np.int64), np.empty(len(pairs), np.int64)
    for a in range(len(pairs)):
        views[a], plots[a] = vt[pairs[a]], p[pairs[a]]
    views, plots = sorted_unique(views), sorted_unique(plots)
    nv, npl = len(views), len(plots)
    for a in range(nv):
        view_local[views[a]] = a
    for b in range(npl):
        plot_local[plots[b]] = b
    mat = np.full((nv, npl + nv), BIG)
    for a in range(len(pairs)):
        k = pairs[a]
        mat[view_local[vt[k]], plot_local[p[k]]] = cost[k]
    for a in range(nv):
        mat[a, npl + a] = miss[views[a]]
    col = assign_rows(mat)
    for a in range(nv):
        if 0 <= col[a] < npl:
            got[views[a]] = plots[col[a]]


@njit(cache=True)
def assign_views(t, p, d2, ld, sensor, n_plots, gate, width):
    """(track rows, plot rows) taken, one plot per (track, sensor) view at most, in view order."""
    if len(t) == 0:
        e = np.zeros(0, np.int64)
        return e, e
    vt, view_track = _views(t, p, sensor, width)
    nv = len(view_track)
    miss, cost = np.full(nv, np.inf), np.empty(len(t))
    for k in range(len(t)):
        miss[vt[k]] = min(miss[vt[k]], ld[k])
        cost[k] = d2[k] + ld[k]
    for v in range(nv):
        miss[v] += gate
    root = _components(vt, p, nv, n_plots)
    order = counting_order(root, nv)  # roots are view indices: every component has a view
    got = np.full(nv, -1)
    view_local, plot_local = np.empty(nv, np.int64), np.empty(n_plots, np.int64)
    a = 0
    while a < len(order):
        b = a
        while b < len(order) and root[order[b]] == root[order[a]]:
            b += 1
        _solve_component(order[a:b], vt, p, cost, miss, got, view_local, plot_local)
        a = b
    n_got = 0
    for v in range(nv):
        n_got += got[v] >= 0
    rows, cols = np.empty(n_got, np.int64), np.empty(n_got, np.int64)
    k = 0
    for v in range(nv):
        if got[v] >= 0:
            rows[k], cols[k] = view_track[v], got[v]
            k += 1
    return rows, cols
