"""Which looks detect, compiled: the visibility rules and detection probability of
:func:`airshield.sensing.windowed._looks` evaluated look by look with the same arithmetic (equal bit
for bit), against uniform draws made by the caller."""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from airshield.sensing.compiled.columns import (MAX_ALT, MIN_ALT, MIN_EL, P_DETECT, RADAR, RANGE, REF_RCS, SNR0, SX,
                                                SY, SZ)


@njit(cache=True)
def visible(S, k, x, y, z, rcs, range_factor, two_kr):
    """Whether sensor row ``k`` of matrix ``S`` sees a target of ``rcs`` [m^2] at ``x, y, z`` [m]
    (band, search range, 4/3-Earth horizon with ``two_kr`` = 2 k R [m], minimum elevation), and
    the slant range [m]."""
    dx, dy, dz = x - S[k, SX], y - S[k, SY], z - S[k, SZ]
    ground = math.hypot(dx, dy)
    r = math.sqrt(ground * ground + dz * dz)
    reach = S[k, RANGE] * (rcs / S[k, REF_RCS]) ** 0.25 * range_factor
    horizon = math.sqrt(two_kr * max(S[k, SZ], 0.0)) + math.sqrt(two_kr * max(z, 0.0))
    ok = z >= S[k, MIN_ALT] and z <= S[k, MAX_ALT] and r <= reach and ground <= horizon
    if ok and S[k, MIN_EL] > 0:
        ok = math.atan2(dz, ground) >= S[k, MIN_EL]
    return ok, r


@njit(cache=True)
def detect_pd(S, k, rcs, r, folded, pfa):
    """Detection probability [-] of one report of sensor row ``k`` at slant range ``r`` [m]: the
    Swerling I radar curve or the constant p_detect, folded over ``folded`` scans."""
    pd = S[k, P_DETECT]
    if S[k, RADAR] != 0.0:
        ratio = (rcs / S[k, REF_RCS]) * (S[k, RANGE] / (r if r > 1.0 else 1.0)) ** 4.0
        snr = math.inf if math.isinf(S[k, SNR0]) else S[k, SNR0] * ratio
        p = 1.0 if math.isinf(snr) else pfa ** (1.0 / (1.0 + snr))
        pd = 0.0 if S[k, P_DETECT] <= 0.0 else p
    miss = 1.0 - pd
    if folded != 1.0:  # x ** 1.0 is x: skip the call
        miss = miss ** folded
    return 1.0 - miss


@njit(cache=True)
def look_hits(S, rcs, start, end, folded, j, k, t, xyz, u, pfa, range_factor, two_kr):
    """Indices of the looks (target ``j``, sensor ``k``, time ``t`` [s], true position ``xyz``
    (n, 3) [m]) that detect: the target is active (``start`` .. ``end`` [s]) and visible and its
    uniform draw ``u`` is below the detection probability."""
    hits = np.empty(len(j), dtype=np.int64)
    count = 0
    for i in range(len(j)):
        jj, kk = j[i], k[i]
        if not (start[jj] <= t[i] and t[i] <= end[jj]):
            continue
        ok, r = visible(S, kk, xyz[i, 0], xyz[i, 1], xyz[i, 2], rcs[jj], range_factor, two_kr)
        if ok and u[i] < detect_pd(S, kk, rcs[jj], r, folded[kk], pfa):
            hits[count] = i
            count += 1
    return hits[:count]
