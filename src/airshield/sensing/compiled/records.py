"""Plot records, compiled: one row per plot in the order the plots are drawn (detections block by
block, then false alarms), measured there with the arithmetic of
:func:`airshield.sensing.measure._measure` (equal bit for bit) before the table orders them by scan.

Records are stored row by row: a C-contiguous float matrix ``F`` (rows, 11) and an integer matrix
``I`` (rows, 2), record ``q`` being ``F[q, :]`` and ``I[q, :]``. Float columns: measured slant range
``R`` [m], azimuth ``AZ`` and elevation ``EL`` [rad], their cosines and sines ``CE, SE, CA, SA``
[-], the plot's position ``X, Y, Z`` [m] and report time ``T`` [s]. Integer columns: ``SENSOR``
row, ``TRUTH`` target row (-1 for a false alarm).

Why rows: the table reads the records in scan order, far from the order they were written in;
a record is then two short rows (88 + 16 bytes: two to four cache lines, one or two pages each)
where separate column arrays cost thirteen cache lines on thirteen pages. With the reads also
prefetched (:mod:`.assemble`) the copy into the table takes about 0.4 of the CPU time it took from
columns on a ``ukraine-national`` night (2 million plots; rows alone, without the prefetch: 0.8).
The matrices (about 180 and 33 MB) are above the allocator's mmap threshold, so every night maps
them afresh; numpy asks the kernel for huge pages for them, and they fault in no slower than the
thirteen column arrays did (measured: fewer page faults per night, not more).

Records are filled in two steps: the true polar coordinates and position first (by the look
kernel, or :func:`false_records`), then :func:`finish_records` adds the noise and converts.
"""

from __future__ import annotations

import math

from numba import njit

from airshield.sensing.compiled.columns import SIG_A, SIG_E, SIG_R, SX, SY, SZ

R, AZ, EL, CE, SE, CA, SA, X, Y, Z, T = range(11)
SENSOR, TRUTH = range(2)
FLOAT_COLUMNS, INT_COLUMNS = 11, 2


@njit(cache=True)
def false_records(S, sensor, xyz, time, F, I, at):
    """Records ``at``, ``at + 1``, ... of false plots of sensor rows ``sensor`` at points ``xyz``
    (n, 3) [m] and times ``time`` [s]: true polar coordinates, position, time, sensor, truth -1."""
    for i in range(len(sensor)):
        q, k = at + i, sensor[i]
        dx, dy, dz = xyz[i, 0] - S[k, SX], xyz[i, 1] - S[k, SY], xyz[i, 2] - S[k, SZ]
        ground = math.hypot(dx, dy)
        F[q, R], F[q, AZ], F[q, EL] = math.sqrt(ground * ground + dz * dz), math.atan2(dy, dx), math.atan2(dz, ground)
        F[q, X], F[q, Y], F[q, Z], F[q, T] = xyz[i, 0], xyz[i, 1], xyz[i, 2], time[i]
        I[q, SENSOR], I[q, TRUTH] = k, -1


@njit(cache=True)
def finish_records(S, F, I, lo, hi, noise):
    """Records ``lo`` .. ``hi - 1`` measured: with ``noise`` (3, hi - lo) (standard normal; range,
    azimuth, elevation) times the sensor's sigmas added to the polar coordinates, and the position
    moved to the noisy polar point; without (``noise`` (3, 0)) the true position stays. The range
    becomes its absolute value; the cosines and sines of the angles are stored."""
    noisy = noise.shape[1] > 0
    for q in range(lo, hi):
        k = I[q, SENSOR]
        r, az, el = F[q, R], F[q, AZ], F[q, EL]
        if noisy:
            i = q - lo
            r, az, el = r + noise[0, i] * S[k, SIG_R], az + noise[1, i] * S[k, SIG_A], el + noise[2, i] * S[k, SIG_E]
        r = abs(r)
        ce, se, ca, sa = math.cos(el), math.sin(el), math.cos(az), math.sin(az)
        F[q, R], F[q, AZ], F[q, EL], F[q, CE], F[q, SE], F[q, CA], F[q, SA] = r, az, el, ce, se, ca, sa
        if noisy:
            F[q, X], F[q, Y], F[q, Z] = S[k, SX] + r * ce * ca, S[k, SY] + r * ce * sa, S[k, SZ] + r * se
