"""Closed-form 3 x 3 linear algebra for the compiled tracker (LAPACK calls cost more than the
arithmetic at this size). Results agree with numpy's to round-off, not bit for bit."""

from __future__ import annotations

import math

from numba import njit


@njit(cache=True)
def cofactors3(a00, a01, a02, a10, a11, a12, a20, a21, a22):
    """(det a, 1 / det a, and the nine cofactors c_ij) of a 3 x 3 matrix given entry by entry; a^-1
    is c^T / det (the arithmetic :func:`inv3` and :func:`inv3_quad` share)."""
    c00 = a11 * a22 - a12 * a21
    c01 = a12 * a20 - a10 * a22
    c02 = a10 * a21 - a11 * a20
    c10 = a02 * a21 - a01 * a22
    c11 = a00 * a22 - a02 * a20
    c12 = a01 * a20 - a00 * a21
    c20 = a01 * a12 - a02 * a11
    c21 = a02 * a10 - a00 * a12
    c22 = a00 * a11 - a01 * a10
    det = a00 * c00 + a01 * c01 + a02 * c02
    return det, 1.0 / det, c00, c01, c02, c10, c11, c12, c20, c21, c22


@njit(cache=True)
def inv3(a, out):
    """Inverse of the 3 x 3 matrix ``a`` into ``out`` (``out`` may be ``a``); returns its determinant."""
    det, s, c00, c01, c02, c10, c11, c12, c20, c21, c22 = cofactors3(a[0, 0], a[0, 1], a[0, 2], a[1, 0], a[1, 1],
                                                                      a[1, 2], a[2, 0], a[2, 1], a[2, 2])
    out[0, 0], out[1, 0], out[2, 0] = c00 * s, c01 * s, c02 * s
    out[0, 1], out[1, 1], out[2, 1] = c10 * s, c11 * s, c12 * s
    out[0, 2], out[1, 2], out[2, 2] = c20 * s, c21 * s, c22 * s
    return det


@njit(cache=True)
def inv3_quad(a00, a01, a02, a10, a11, a12, a20, a21, a22, d0, d1, d2):
    """(det a, d^T a^-1 d) of a 3 x 3 matrix given entry by entry: the arithmetic of :func:`inv3`
    then the quadratic form, summed row by row (same results to the bit), with no arrays."""
    det, s, c00, c01, c02, c10, c11, c12, c20, c21, c22 = cofactors3(a00, a01, a02, a10, a11, a12, a20, a21, a22)
    i00, i10, i20 = c00 * s, c01 * s, c02 * s
    i01, i11, i21 = c10 * s, c11 * s, c12 * s
    i02, i12, i22 = c20 * s, c21 * s, c22 * s
    return det, (d0 * (i00 * d0 + i01 * d1 + i02 * d2)
                 + d1 * (i10 * d0 + i11 * d1 + i12 * d2)
                 + d2 * (i20 * d0 + i21 * d1 + i22 * d2))


@njit(cache=True)
def max_eig3(a):
    """Largest eigenvalue of the symmetric 3 x 3 matrix ``a`` (trigonometric closed form)."""
    return _max_eig3(a[0, 0], a[0, 1], a[0, 2], a[1, 1], a[1, 2], a[2, 2])


@njit(cache=True)
def _max_eig3(a00, a01, a02, a11, a12, a22):
    """:func:`max_eig3` of the matrix given by its upper triangle."""
    p1 = a01 ** 2 + a02 ** 2 + a12 ** 2
    if p1 == 0.0:
        return max(a00, max(a11, a22))
    q = (a00 + a11 + a22) / 3.0
    p2 = (a00 - q) ** 2 + (a11 - q) ** 2 + (a22 - q) ** 2 + 2.0 * p1
    p = math.sqrt(p2 / 6.0)
    b00, b11, b22 = (a00 - q) / p, (a11 - q) / p, (a22 - q) / p
    b01, b02, b12 = a01 / p, a02 / p, a12 / p
    r = 0.5 * (b00 * (b11 * b22 - b12 * b12) - b01 * (b01 * b22 - b12 * b02) + b02 * (b01 * b12 - b11 * b02))
    r = min(max(r, -1.0), 1.0)
    return q + 2.0 * p * math.cos(math.acos(r) / 3.0)


@njit(cache=True)
def position_sigma_row(P, i):
    """sqrt(lambda_max) [m] of the position block of covariance ``P[i]`` of a (n, 6, 6) stack
    (indexed: no array views)."""
    return math.sqrt(max(_max_eig3(P[i, 0, 0], P[i, 0, 1], P[i, 0, 2], P[i, 1, 1], P[i, 1, 2], P[i, 2, 2]), 0.0))
