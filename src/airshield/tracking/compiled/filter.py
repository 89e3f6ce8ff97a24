"""The constant-velocity Kalman filter of :mod:`airshield.tracking.kalman`, one track at a time,
compiled. State ``[x, y, z, vx, vy, vz]`` [m, m/s], covariance (6, 6), measurement H = [I 0]."""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from airshield.tracking.compiled.small import inv3


@njit(cache=True)
def noise_terms(dt, q):
    """The process noise added over ``dt`` [s] at density ``q`` [m^2/s^3]: position, cross and
    velocity terms (q dt^3 / 3, q dt^2 / 2, q dt)."""
    return q * (math.pow(dt, 3.0) / 3.0), q * (math.pow(dt, 2.0) / 2.0), q * dt


@njit(cache=True)
def predict_into(x, P, dt, q, x_out, P_out):
    """x_out, P_out = the state (6,) and covariance (6, 6) predicted ``dt`` [s] ahead with
    white-acceleration density ``q`` [m^2/s^3]; a copy when dt == 0."""
    a, b, c = noise_terms(dt, q)
    predict_terms_into(x, P, dt, a, b, c, x_out, P_out)


@njit(cache=True)
def predict_terms_into(x, P, dt, a, b, c, x_out, P_out):
    """:func:`predict_into` with the noise terms of :func:`noise_terms` given (computed once for
    the many tracks predicted over the same dt)."""
    for i in range(6):
        x_out[i] = x[i]
        for j in range(6):
            P_out[i, j] = P[i, j]
    if dt == 0.0:
        return
    for i in range(3):
        x_out[i] += dt * x[i + 3]
    for i in range(3):
        for j in range(6):
            P_out[i, j] += dt * P_out[i + 3, j]
    for i in range(6):
        for j in range(3):
            P_out[i, j] += dt * P_out[i, j + 3]
    for i in range(3):
        P_out[i, i] += a
        P_out[i, i + 3] += b
        P_out[i + 3, i] += b
        P_out[i + 3, i + 3] += c


@njit(cache=True)
def nis(x, P, z, R, S_inv):
    """Normalised innovation squared of plot ``z`` (3,) with covariance ``R`` (3, 3) [-];
    leaves S^-1 in ``S_inv``."""
    for i in range(3):
        for j in range(3):
            S_inv[i, j] = P[i, j] + R[i, j]
    inv3(S_inv, S_inv)
    d0, d1, d2 = z[0] - x[0], z[1] - x[1], z[2] - x[2]
    return (d0 * (S_inv[0, 0] * d0 + S_inv[0, 1] * d1 + S_inv[0, 2] * d2)
            + d1 * (S_inv[1, 0] * d0 + S_inv[1, 1] * d1 + S_inv[1, 2] * d2)
            + d2 * (S_inv[2, 0] * d0 + S_inv[2, 1] * d1 + S_inv[2, 2] * d2))


def update_buffers() -> tuple:
    """Scratch arrays for :func:`update` (allocated once per frame, not per update)."""
    return np.empty((3, 3)), np.empty((6, 3)), np.empty((6, 6)), np.empty((6, 6)), np.empty((6, 3)), np.empty((6, 6))


update_buffers = njit(cache=True)(update_buffers)


@njit(cache=True)
def update(x, P, z, R, buffers):
    """Kalman update of ``x`` (6,), ``P`` (6, 6) in place with plot ``z`` (3,), ``R`` (3, 3):
    Joseph form, ``(I - KH) P (I - KH)^T + K R K^T``, symmetrised. ``buffers``: :func:`update_buffers`."""
    S_inv, K, ikh, left, kr, new = buffers
    nis(x, P, z, R, S_inv)
    m = P.shape[0]  # 6, read at run time: loops stay loops (compiles in a fraction of the time)
    for i in range(m):
        for j in range(3):
            K[i, j] = P[i, 0] * S_inv[0, j] + P[i, 1] * S_inv[1, j] + P[i, 2] * S_inv[2, j]
    nu0, nu1, nu2 = z[0] - x[0], z[1] - x[1], z[2] - x[2]
    for i in range(m):
        x[i] += K[i, 0] * nu0 + K[i, 1] * nu1 + K[i, 2] * nu2
    # I - KH is [[I - K_top, 0], [-K_bottom, I]]: only its first three columns are stored (in ``ikh``)
    # and the products below skip its known zeros and ones. Each entry sums the same nonzero terms
    # in the same order as the full 6 x 6 products, so the result is the same to the bit.
    for i in range(m):
        for j in range(3):
            ikh[i, j] = (1.0 if i == j else 0.0) - K[i, j]
    # left = (I - KH) P
    for i in range(m):
        for j in range(m):
            acc = ikh[i, 0] * P[0, j] + ikh[i, 1] * P[1, j] + ikh[i, 2] * P[2, j]
            if i >= 3:
                acc += P[i, j]
            left[i, j] = acc
    # kr = K R
    for i in range(m):
        for j in range(3):
            kr[i, j] = K[i, 0] * R[0, j] + K[i, 1] * R[1, j] + K[i, 2] * R[2, j]
    # new = left (I - KH)^T + kr K^T
    for i in range(m):
        for j in range(m):
            acc = left[i, 0] * ikh[j, 0] + left[i, 1] * ikh[j, 1] + left[i, 2] * ikh[j, 2]
            if j >= 3:
                acc += left[i, j]
            new[i, j] = acc + kr[i, 0] * K[j, 0] + kr[i, 1] * K[j, 1] + kr[i, 2] * K[j, 2]
    for i in range(m):
        for j in range(m):
            P[i, j] = 0.5 * (new[i, j] + new[j, i])
