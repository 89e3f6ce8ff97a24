"""The plot table assembled, compiled: each plot record's scan found, records ordered by scan
(stable) and copied into the table with their covariances, computed with the arithmetic of
:func:`~airshield.sensing.measure.to_cartesian` (equal bit for bit).

The copy is a gather: records are in look order (window by window), the table in scan order, so
consecutive table rows read records far apart. Each record is one row of the record matrices
(:mod:`.records`, about two cache lines), prefetched :data:`AHEAD` table rows before it is read
so that the misses overlap instead of stalling one after the other."""

from __future__ import annotations

import numpy as np
from numba import njit

from airshield.sensing.compiled.columns import SIG_A, SIG_E, SIG_R
from airshield.sensing.compiled.prefetch import prefetch
from airshield.sensing.compiled.records import AZ, CA, CE, EL, R, SA, SE, SENSOR, TRUTH, X, Y, Z, T

MIN_VARIANCE = 1e-6
"""Floor added to each axis of a plot covariance [m^2] (as :data:`airshield.sensing.measure.MIN_VARIANCE`)."""

AHEAD = 32
"""Table rows [-] by which :func:`table_into` prefetches the record it will read."""


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
def record_cov(S, F, I, q, cov, d):
    """Covariance J diag(s_r^2, s_a^2, s_e^2) J^T + floor [m^2] of plot record ``q`` into ``cov[d]``
    (J the Jacobian of x, y, z in range, azimuth, elevation, as in
    :func:`~airshield.sensing.measure.to_cartesian`)."""
    k, r, ce, se, ca, sa = I[q, SENSOR], F[q, R], F[q, CE], F[q, SE], F[q, CA], F[q, SA]
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


@njit(cache=True)
def table_into(S, F, I, scan, order, out, cov, ints):
    """Plot records ``order`` (:mod:`.records`) copied into table rows 0, 1, ...: ``out`` (7 arrays)
    gets time, range, azimuth, elevation, x, y, z; ``cov`` (rows, 3, 3); ``ints`` (3 arrays)
    sensor, truth, scan. Written in table order (writes stream; the scattered reads are prefetched
    :data:`AHEAD` rows early)."""
    n = len(order)
    for d in range(n):
        if d + AHEAD < n:
            p = order[d + AHEAD]
            prefetch(F, p)
            prefetch(I, p)
            prefetch(scan, p)
        q = order[d]
        record_cov(S, F, I, q, cov, d)
        out[0][d], out[1][d], out[2][d], out[3][d] = F[q, T], F[q, R], F[q, AZ], F[q, EL]
        out[4][d], out[5][d], out[6][d] = F[q, X], F[q, Y], F[q, Z]
        ints[0][d], ints[1][d], ints[2][d] = I[q, SENSOR], I[q, TRUTH], scan[q]
