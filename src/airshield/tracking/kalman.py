"""Constant-velocity Kalman filter on arrays of tracks.

State per track ``[x, y, z, vx, vy, vz]`` [m, m/s]; covariance (k, 6, 6). Measurements are
converted positions ``[x, y, z]`` with their own covariance (k, 3, 3), so ``H = [I 0]``.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np


def process_noise(dt: float, q: np.ndarray) -> np.ndarray:
    """Discretised white-acceleration noise (k, 6, 6) for time step ``dt`` [s] and ``q`` (k,) [m^2/s^3]."""
    q = np.asarray(q, float)
    return q[:, None, None] * _noise_base(float(dt))[None]


@lru_cache(maxsize=64)
def _noise_base(dt: float) -> np.ndarray:
    """Unit-intensity white-acceleration noise (6, 6) for step ``dt`` [s] (cached, read-only)."""
    block = np.array([[dt ** 3 / 3, dt ** 2 / 2], [dt ** 2 / 2, dt]])
    base = np.kron(block, np.eye(3))
    base.flags.writeable = False
    return base


def predict(x: np.ndarray, P: np.ndarray, dt: float, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """States (k, 6) and covariances (k, 6, 6) predicted ``dt`` [s] ahead."""
    if dt == 0 or len(x) == 0:
        return x, P
    x = x.copy()
    x[:, :3] += dt * x[:, 3:]
    # F P F^T for F = [[I, dt I], [0, I]] without a full matmul
    P = P.copy()
    P[:, :3, :] += dt * P[:, 3:, :]
    P[:, :, :3] += dt * P[:, :, 3:]
    return x, P + process_noise(dt, q)


def innovation(x: np.ndarray, P: np.ndarray, z: np.ndarray, R: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Innovations (k, 3) [m] and their covariances (k, 3, 3) [m^2]."""
    return z - x[:, :3], P[:, :3, :3] + R


def mahalanobis2(nu: np.ndarray, S: np.ndarray) -> np.ndarray:
    """Squared Mahalanobis distances (k,) of innovations ``nu`` with covariances ``S``."""
    return np.einsum("ki,ki->k", nu, np.linalg.solve(S, nu[:, :, None])[:, :, 0])


def update(x: np.ndarray, P: np.ndarray, z: np.ndarray, R: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Updated states, covariances (Joseph form) and normalised innovations squared (k,)."""
    nu, S = innovation(x, P, z, R)
    PHt = P[:, :, :3]
    K = np.linalg.solve(S, PHt.transpose(0, 2, 1)).transpose(0, 2, 1)  # S symmetric
    nis = np.einsum("ki,ki->k", nu, np.linalg.solve(S, nu[:, :, None])[:, :, 0])
    x_new = x + np.einsum("kij,kj->ki", K, nu)
    ikh = np.broadcast_to(np.eye(6), P.shape).copy()
    ikh[:, :, :3] -= K
    P_new = ikh @ P @ ikh.transpose(0, 2, 1) + K @ R @ K.transpose(0, 2, 1)
    return x_new, 0.5 * (P_new + P_new.transpose(0, 2, 1)), nis


def initial_state(z: np.ndarray, R: np.ndarray, speed_sigma: float) -> tuple[np.ndarray, np.ndarray]:
    """One-point initiation: position = plot, velocity 0 with ``speed_sigma`` [m/s] per axis."""
    k = len(z)
    x = np.zeros((k, 6))
    x[:, :3] = z
    P = np.zeros((k, 6, 6))
    P[:, :3, :3] = R
    P[:, 3:, 3:] = np.eye(3) * speed_sigma ** 2
    return x, P
