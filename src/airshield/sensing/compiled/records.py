"""Plot records, compiled: one row per plot in the order the plots are drawn (detections block by
block, then false alarms), measured there with the arithmetic of
:func:`airshield.sensing.measure._measure` (equal bit for bit) before the table orders them by scan.

Float columns (``F``, a tuple of 11 arrays): measured slant range ``R`` [m], azimuth ``AZ`` and
elevation ``EL`` [rad], their cosines and sines ``CE, SE, CA, SA`` [-], the plot's position ``X,
Y, Z`` [m] and report time ``T`` [s]. Integer columns (``I``, 2 arrays): ``SENSOR`` row,
``TRUTH`` target row (-1 for a false alarm). Columns are separate arrays (each well under the
allocator's mmap threshold, so reused from the heap night after night instead of freshly
faulted in). Records are filled in two steps: the true polar coordinates and position first (by
the look kernel, or :func:`false_records`), then :func:`finish_records` adds the noise and
converts.
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
        F[R][q], F[AZ][q], F[EL][q] = math.sqrt(ground * ground + dz * dz), math.atan2(dy, dx), math.atan2(dz, ground)
        F[X][q], F[Y][q], F[Z][q], F[T][q] = xyz[i, 0], xyz[i, 1], xyz[i, 2], time[i]
        I[SENSOR][q], I[TRUTH][q] = k, -1


@njit(cache=True)
def finish_records(S, F, I, lo, hi, noise):
    """Records ``lo`` .. ``hi - 1`` measured: with ``noise`` (3, hi - lo) (standard normal; range,
    azimuth, elevation) times the sensor's sigmas added to the polar coordinates, and the position
    moved to the noisy polar point; without (``noise`` (3, 0)) the true position stays. The range
    becomes its absolute value; the cosines and sines of the angles are stored."""
    noisy = noise.shape[1] > 0
    for q in range(lo, hi):
        k = I[SENSOR][q]
        r, az, el = F[R][q], F[AZ][q], F[EL][q]
        if noisy:
            i = q - lo
            r, az, el = r + noise[0, i] * S[k, SIG_R], az + noise[1, i] * S[k, SIG_A], el + noise[2, i] * S[k, SIG_E]
        r = abs(r)
        ce, se, ca, sa = math.cos(el), math.sin(el), math.cos(az), math.sin(az)
        F[R][q], F[AZ][q], F[EL][q], F[CE][q], F[SE][q], F[CA][q], F[SA][q] = r, az, el, ce, se, ca, sa
        if noisy:
            F[X][q], F[Y][q], F[Z][q] = S[k, SX] + r * ce * ca, S[k, SY] + r * ce * sa, S[k, SZ] + r * se
