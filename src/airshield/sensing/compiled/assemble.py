"""The plot table assembled, compiled: each plot's scan found, plots ordered by scan (stable), and
measured into place with the arithmetic of :func:`airshield.sensing.measure._measure` and
:func:`~airshield.sensing.measure.to_cartesian` (equal bit for bit)."""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from airshield.sensing.compiled.columns import SIG_A, SIG_E, SIG_R, SX, SY, SZ

MIN_VARIANCE = 1e-6
"""Floor added to each axis of a plot covariance [m^2] (as :data:`airshield.sensing.measure.MIN_VARIANCE`)."""


@njit(cache=True)
def find_scan(scan_key, key, lo):
    """Row of the sorted ``scan_key`` equal to ``key`` (-1 if none), searching forward from row
    ``lo`` (a row at or before it) by doubling steps, then bisecting."""
    s, step = len(scan_key), 1
    while lo + step < s and scan_key[lo + step] < key:
        lo, step = lo + step, step * 2
    hi = min(lo + step, s)
    while lo < hi:  # leftmost row >= key in [lo, hi)
        mid = (lo + hi) // 2
        if scan_key[mid] < key:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < s and scan_key[lo] == key else -1


@njit(cache=True)
def scan_order(scan_key, key):
    """Per plot, its scan: the row of ``scan_key`` (ascending) equal to its ``key``, -1 if none;
    and the plots with a scan in table order: by scan, plots of one scan in their given order.
    Consecutive plots mostly have growing keys (a window's looks), so each search starts at the
    previous plot's scan."""
    n, s = len(key), len(scan_key)
    scan = np.full(n, -1, dtype=np.int64)
    count = np.zeros(s + 1, dtype=np.int64)
    last = 0
    for i in range(n):
        start = last if i > 0 and key[i] >= key[i - 1] else 0
        scan[i] = find_scan(scan_key, key[i], start)
        if scan[i] >= 0:
            last = scan[i]
            count[scan[i] + 1] += 1
    for q in range(s):
        count[q + 1] += count[q]
    order = np.empty(count[s], dtype=np.int64)
    for i in range(n):
        if scan[i] >= 0:
            order[count[scan[i]]] = i
            count[scan[i]] += 1
    return scan, order


@njit(cache=True)
def _entry(a0, a1, a2, b0, b1, b2, s0, s1, s2, floor):
    """One entry sum_j a_j s_j b_j + floor of J diag(s) J^T, summed in the reference's order."""
    return 0.0 + a0 * s0 * b0 + a1 * s1 * b1 + a2 * s2 * b2 + floor


@njit(cache=True)
def polar_cov(S, k, r, az, el, cov, d):
    """Covariance J diag(s_r^2, s_a^2, s_e^2) J^T + floor [m^2] of a polar plot ``r, az, el`` of
    sensor row ``k``, into ``cov[d]``; returns (cos el, sin el, cos az, sin az)."""
    ce, se, ca, sa = math.cos(el), math.sin(el), math.cos(az), math.sin(az)
    j00, j01, j02 = ce * ca, -r * ce * sa, -r * se * ca
    j10, j11, j12 = ce * sa, r * ce * ca, -r * se * sa
    j20, j21, j22 = se, 0.0, r * ce
    s0, s1, s2 = S[k, SIG_R] * S[k, SIG_R], S[k, SIG_A] * S[k, SIG_A], S[k, SIG_E] * S[k, SIG_E]
    cov[d, 0, 0] = _entry(j00, j01, j02, j00, j01, j02, s0, s1, s2, MIN_VARIANCE)
    cov[d, 1, 1] = _entry(j10, j11, j12, j10, j11, j12, s0, s1, s2, MIN_VARIANCE)
    cov[d, 2, 2] = _entry(j20, j21, j22, j20, j21, j22, s0, s1, s2, MIN_VARIANCE)
    cov[d, 0, 1] = cov[d, 1, 0] = _entry(j00, j01, j02, j10, j11, j12, s0, s1, s2, 0.0)
    cov[d, 0, 2] = cov[d, 2, 0] = _entry(j00, j01, j02, j20, j21, j22, s0, s1, s2, 0.0)
    cov[d, 1, 2] = cov[d, 2, 1] = _entry(j10, j11, j12, j20, j21, j22, s0, s1, s2, 0.0)
    return ce, se, ca, sa


@njit(cache=True)
def assemble(S, sensor, truth, time, xyz, noise, scan_key, key):
    """The plot columns sorted by scan: time, sensor, range, azimuth, elevation, x, y, z, cov,
    truth, scan. Plot i is measured from its true position ``xyz[i]`` [m]; the first
    ``noise.shape[1]`` plots add the polar noise ``noise[:, i]`` (standard normal, times the
    sensor's sigmas) and are placed at the noisy polar point, the rest stay exact. Written in
    table order (reads follow the few windows of each frame; writes stream)."""
    scan, order = scan_order(scan_key, key)
    m = len(order)
    t_out, r_out, az_out, el_out = np.empty(m), np.empty(m), np.empty(m), np.empty(m)
    x_out, y_out, z_out, cov = np.empty(m), np.empty(m), np.empty(m), np.empty((m, 3, 3))
    k_out, j_out, s_out = np.empty(m, np.int64), np.empty(m, np.int64), np.empty(m, np.int64)
    noisy = noise.shape[1]
    for d in range(m):
        i = order[d]
        k = sensor[i]
        dx, dy, dz = xyz[i, 0] - S[k, SX], xyz[i, 1] - S[k, SY], xyz[i, 2] - S[k, SZ]
        ground = math.hypot(dx, dy)
        r, az, el = math.sqrt(ground * ground + dz * dz), math.atan2(dy, dx), math.atan2(dz, ground)
        if i < noisy:
            r, az, el = r + noise[0, i] * S[k, SIG_R], az + noise[1, i] * S[k, SIG_A], el + noise[2, i] * S[k, SIG_E]
        r = abs(r)
        ce, se, ca, sa = polar_cov(S, k, r, az, el, cov, d)
        if i < noisy:
            x_out[d], y_out[d], z_out[d] = S[k, SX] + r * ce * ca, S[k, SY] + r * ce * sa, S[k, SZ] + r * se
        else:
            x_out[d], y_out[d], z_out[d] = xyz[i, 0], xyz[i, 1], xyz[i, 2]
        t_out[d], r_out[d], az_out[d], el_out[d] = time[i], r, az, el
        k_out[d], j_out[d], s_out[d] = k, truth[i], scan[i]
    return t_out, k_out, r_out, az_out, el_out, x_out, y_out, z_out, cov, j_out, s_out
