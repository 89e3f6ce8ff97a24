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
def predict_into(x, P, i, dt, q, x_out, P_out, k):
    """x_out[k], P_out[k] = the state ``x[i]`` (6,) and covariance ``P[i]`` (6, 6) predicted ``dt``
    [s] ahead with white-acceleration density ``q`` [m^2/s^3]; a copy when dt == 0."""
    a, b, c = noise_terms(dt, q)
    predict_terms_into(x, P, i, dt, a, b, c, x_out, P_out, k)


@njit(cache=True)
def predict_terms_into(x, P, r, dt, a, b, c, x_out, P_out, k):
    """:func:`predict_into` with the noise terms of :func:`noise_terms` given (computed once for
    the many tracks predicted over the same dt). Rows are indexed, not sliced (no array views)."""
    for i in range(6):
        x_out[k, i] = x[r, i]
        for j in range(6):
            P_out[k, i, j] = P[r, i, j]
    if dt == 0.0:
        return
    for i in range(3):
        x_out[k, i] += dt * x[r, i + 3]
    for i in range(3):
        for j in range(6):
            P_out[k, i, j] += dt * P_out[k, i + 3, j]
    for i in range(6):
        for j in range(3):
            P_out[k, i, j] += dt * P_out[k, i, j + 3]
    for i in range(3):
        P_out[k, i, i] += a
        P_out[k, i, i + 3] += b
        P_out[k, i + 3, i] += b
        P_out[k, i + 3, i + 3] += c


@njit(cache=True)
def nis(X, P, Z, R, r, S_inv):
    """Normalised innovation squared of row ``r``: plot ``Z[r]`` (3,) with covariance ``R[r]``
    (3, 3) against state ``X[r]`` (6,), covariance ``P[r]`` (6, 6) [-]; leaves S^-1 in ``S_inv``.
    Rows are indexed, not sliced: no array views (reference counts) per call."""
    for i in range(3):
        for j in range(3):
            S_inv[i, j] = P[r, i, j] + R[r, i, j]
    inv3(S_inv, S_inv)
    d0, d1, d2 = Z[r, 0] - X[r, 0], Z[r, 1] - X[r, 1], Z[r, 2] - X[r, 2]
    return (d0 * (S_inv[0, 0] * d0 + S_inv[0, 1] * d1 + S_inv[0, 2] * d2)
            + d1 * (S_inv[1, 0] * d0 + S_inv[1, 1] * d1 + S_inv[1, 2] * d2)
            + d2 * (S_inv[2, 0] * d0 + S_inv[2, 1] * d1 + S_inv[2, 2] * d2))


def update_buffers() -> tuple:
    """Scratch arrays for :func:`update` (allocated once per frame, not per update): S^-1 (3, 3)
    and (5, 6, 6) for K, I - KH, (I - KH) P, K R and the new covariance."""
    return np.empty((3, 3)), np.empty((5, 6, 6))


update_buffers = njit(cache=True)(update_buffers)


@njit(cache=True)
def update(X, P, Z, R, r, S_inv, W):
    """Kalman update of row ``r`` of ``X`` (n, 6), ``P`` (n, 6, 6) in place with plot ``Z[r]``
    (3,), ``R[r]`` (3, 3): Joseph form, ``(I - KH) P (I - KH)^T + K R K^T``, symmetrised.
    ``S_inv``, ``W``: :func:`update_buffers`."""
    K, IKH, LEFT, KR, NEW = 0, 1, 2, 3, 4
    nis(X, P, Z, R, r, S_inv)
    m = P.shape[1]  # 6, read at run time: loops stay loops (compiles in a fraction of the time)
    for i in range(m):
        for j in range(3):
            W[K, i, j] = P[r, i, 0] * S_inv[0, j] + P[r, i, 1] * S_inv[1, j] + P[r, i, 2] * S_inv[2, j]
    nu0, nu1, nu2 = Z[r, 0] - X[r, 0], Z[r, 1] - X[r, 1], Z[r, 2] - X[r, 2]
    for i in range(m):
        X[r, i] += W[K, i, 0] * nu0 + W[K, i, 1] * nu1 + W[K, i, 2] * nu2
    # I - KH is [[I - K_top, 0], [-K_bottom, I]]: only its first three columns are stored and the
    # products below skip its known zeros and ones. Each entry sums the same nonzero terms in the
    # same order as the full 6 x 6 products, so the result is the same to the bit.
    for i in range(m):
        for j in range(3):
            W[IKH, i, j] = (1.0 if i == j else 0.0) - W[K, i, j]
    # left = (I - KH) P
    for i in range(m):
        for j in range(m):
            acc = W[IKH, i, 0] * P[r, 0, j] + W[IKH, i, 1] * P[r, 1, j] + W[IKH, i, 2] * P[r, 2, j]
            if i >= 3:
                acc += P[r, i, j]
            W[LEFT, i, j] = acc
    # kr = K R
    for i in range(m):
        for j in range(3):
            W[KR, i, j] = W[K, i, 0] * R[r, 0, j] + W[K, i, 1] * R[r, 1, j] + W[K, i, 2] * R[r, 2, j]
    # new = left (I - KH)^T + kr K^T
    for i in range(m):
        for j in range(m):
            acc = W[LEFT, i, 0] * W[IKH, j, 0] + W[LEFT, i, 1] * W[IKH, j, 1] + W[LEFT, i, 2] * W[IKH, j, 2]
            if j >= 3:
                acc += W[LEFT, i, j]
            W[NEW, i, j] = (acc + W[KR, i, 0] * W[K, j, 0] + W[KR, i, 1] * W[K, j, 1]
                            + W[KR, i, 2] * W[K, j, 2])
    for i in range(m):
        for j in range(m):
            P[r, i, j] = 0.5 * (W[NEW, i, j] + W[NEW, j, i])
