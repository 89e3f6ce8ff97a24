"""Which looks detect, compiled: the visibility rules and detection probability of
:func:`airshield.sensing.windowed._looks` evaluated look by look with the same arithmetic (equal bit
for bit), against uniform draws made by the caller; detections come out with their polar
coordinates, as :func:`airshield.sensing.measure.polar` gives them.

Shortcut: Pd falls with slant range, and a visible look is no farther than its window's search
range, so Pd at that range (less :data:`PD_MARGIN`, far above the round-off of either value) is a
floor; a draw below the floor detects without computing the look's own Pd (about nine looks in
ten). Draws near or above it compare with the look's Pd as computed by the reference.
"""

from __future__ import annotations

import math

from numba import njit

from airshield.sensing.compiled.columns import (MAX_ALT, MIN_ALT, MIN_EL, P_DETECT, RADAR, RANGE, REF_RCS, SNR0, SX,
                                                SY, SZ)
from airshield.sensing.compiled.records import AZ, EL, R, SENSOR, TRUTH, X, Y, Z, T

PD_MARGIN = 1e-9
"""Below Pd at the search range [-] by which a draw detects for certain (round-off of Pd: < 1e-11)."""


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
def look_hits(S, rcs, start, end, folded, j, k, t, xyz, u, pfa, range_factor, two_kr, F, I, at):
    """The looks (target ``j``, sensor ``k``, time ``t`` [s], true position ``xyz`` (n, 3) [m])
    that detect: the target is active (``start`` .. ``end`` [s]), inside the sensor's band, search
    range (``range_factor`` x effective range), 4/3-Earth horizon (``two_kr`` = 2 k R [m]) and
    above its minimum elevation, and its uniform draw ``u`` is below the detection probability.
    Writes them as plot records ``at``, ``at + 1``, ... (:mod:`.records`: true slant range [m],
    azimuth and elevation [rad], position, time, sensor, target); returns their number."""
    h, last_j, last_k, reach, horizon0, floor = 0, -1, -1, 0.0, 0.0, 0.0
    for i in range(len(j)):
        jj, kk, z = j[i], k[i], xyz[i, 2]
        if not (start[jj] <= t[i] and t[i] <= end[jj]):
            continue
        if jj != last_j or kk != last_k:  # a window's looks share its reach, antenna horizon and Pd floor
            reach = S[kk, RANGE] * (rcs[jj] / S[kk, REF_RCS]) ** 0.25 * range_factor
            horizon0, last_j, last_k = math.sqrt(two_kr * max(S[kk, SZ], 0.0)), jj, kk
            floor = detect_pd(S, kk, rcs[jj], reach, folded[kk], pfa) - PD_MARGIN
        dx, dy, dz = xyz[i, 0] - S[kk, SX], xyz[i, 1] - S[kk, SY], z - S[kk, SZ]
        ground = math.hypot(dx, dy)
        r = math.sqrt(ground * ground + dz * dz)
        if not (z >= S[kk, MIN_ALT] and z <= S[kk, MAX_ALT] and r <= reach
                and ground <= horizon0 + math.sqrt(two_kr * max(z, 0.0))):
            continue
        el = math.atan2(dz, ground)
        if S[kk, MIN_EL] > 0 and not el >= S[kk, MIN_EL]:
            continue
        if u[i] < floor or u[i] < detect_pd(S, kk, rcs[jj], r, folded[kk], pfa):
            q = at + h
            F[q, R], F[q, AZ], F[q, EL], F[q, T] = r, math.atan2(dy, dx), el, t[i]
            F[q, X], F[q, Y], F[q, Z], I[q, SENSOR], I[q, TRUTH] = xyz[i, 0], xyz[i, 1], z, kk, jj
            h += 1
    return h
