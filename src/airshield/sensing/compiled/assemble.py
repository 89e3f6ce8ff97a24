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
def frame_starts(scan_key, m, f0):
    """First row of each frame's scans in ``scan_key`` (ascending, frame index x ``m`` + sensor),
    frames counted from ``f0``, the first scan's (F + 1,)."""
    frames = scan_key[-1] // m - f0 + 1
    first = np.zeros(frames + 1, dtype=np.int64)
    for q in range(len(scan_key)):
        first[scan_key[q] // m - f0 + 1] += 1
    for f in range(frames):
        first[f + 1] += first[f]
    return first


@njit(cache=True)
def find_scan(scan_key, first, f, key):
    """Row of ``scan_key`` equal to ``key`` (-1 if none), bisecting within the rows of frame ``f``
    (counted as in ``first``)."""
    if f < 0 or f >= len(first) - 1:
        return -1
    lo, hi = first[f], first[f + 1]
    while lo < hi:
        mid = (lo + hi) >> 1
        if scan_key[mid] < key:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < first[f + 1] and scan_key[lo] == key else -1


@njit(cache=True)
def scan_order(scan_key, frame_index, sensor, m, scan, order):
    """Per plot (report frame index, sensor row), its scan into ``scan``: the row of ``scan_key``
    (ascending, frame index x ``m`` + sensor row) of that frame and sensor, -1 if none; and into
    ``order`` the plots with a scan in table order: by scan, plots of one scan in their given
    order. Returns their number."""
    n, s = len(sensor), len(scan_key)
    if s == 0:
        scan[:] = -1
        return 0
    f0 = scan_key[0] // m
    first = frame_starts(scan_key, m, f0)
    count = np.zeros(s + 1, dtype=np.int64)
    for i in range(n):
        scan[i] = find_scan(scan_key, first, frame_index[i] - f0, frame_index[i] * m + sensor[i])
        if scan[i] >= 0:
            count[scan[i] + 1] += 1
    for q in range(s):
        count[q + 1] += count[q]
    kept = count[s]
    for i in range(n):
        if scan[i] >= 0:
            order[count[scan[i]]] = i
            count[scan[i]] += 1
    return kept


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
def measure_into(S, sensor, truth, time, xyz, polar, noise, scan, order, out, cov, ints):
    """Plots ``order`` measured into table rows 0, 1, ...: ``out`` (7, rows) gets time, range,
    azimuth, elevation, x, y, z; ``cov`` (rows, 3, 3); ``ints`` (3, rows) sensor, truth, scan.
    Plot i was seen at ``polar[:, i]`` (slant range [m], azimuth, elevation [rad]) from its true
    position ``xyz[i]`` [m]; the first ``noise.shape[1]`` plots add the polar noise ``noise[:, i]``
    (standard normal, times the sensor's sigmas) and are placed at the noisy polar point, the rest
    stay exact. Written in table order (reads follow the few windows of each frame; writes stream)."""
    noisy = noise.shape[1]
    for d in range(len(order)):
        i = order[d]
        k = sensor[i]
        r, az, el = polar[0, i], polar[1, i], polar[2, i]
        if i < noisy:
            r, az, el = r + noise[0, i] * S[k, SIG_R], az + noise[1, i] * S[k, SIG_A], el + noise[2, i] * S[k, SIG_E]
        r = abs(r)
        ce, se, ca, sa = polar_cov(S, k, r, az, el, cov, d)
        if i < noisy:
            out[4, d], out[5, d], out[6, d] = S[k, SX] + r * ce * ca, S[k, SY] + r * ce * sa, S[k, SZ] + r * se
        else:
            out[4, d], out[5, d], out[6, d] = xyz[i, 0], xyz[i, 1], xyz[i, 2]
        out[0, d], out[1, d], out[2, d], out[3, d] = time[i], r, az, el
        ints[0, d], ints[1, d], ints[2, d] = k, truth[i], scan[i]
