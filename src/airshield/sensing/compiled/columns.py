"""Flat inputs of the compiled plot kernels: one float matrix of sensor columns and the truth's
waypoints laid end to end.

Sensor matrix (sensors, 14): position ``SX, SY, SZ`` [m], catalogue ``RANGE`` [m] against
``REF_RCS`` [m^2], altitude band ``MIN_ALT, MAX_ALT`` [m], ``MIN_EL`` [rad], ``P_DETECT`` [-],
``RADAR`` (1.0 for a radar, 0.0 otherwise), ``SNR0`` (reference SNR of the Swerling curve, linear
[-]) and the noise sigmas ``SIG_R`` [m], ``SIG_A``, ``SIG_E`` [rad].
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.sensing.detection import reference_snr
from airshield.sensing.measure import RADAR as RADAR_KIND

SX, SY, SZ, RANGE, REF_RCS, MIN_ALT, MAX_ALT, MIN_EL, P_DETECT, RADAR, SNR0, SIG_R, SIG_A, SIG_E = range(14)


def sensor_matrix(sensors, pfa: float) -> np.ndarray:
    """The (sensors, 14) float matrix of the columns the kernels read (module constants index it)."""
    cols = [sensors.x, sensors.y, sensors.z, sensors.range, sensors.reference_rcs, sensors.min_alt,
            sensors.max_alt, sensors.min_elevation, sensors.p_detect, (sensors.kind == RADAR_KIND).astype(float),
            reference_snr(sensors.p_detect, pfa), sensors.range_sigma, sensors.azimuth_sigma,
            sensors.elevation_sigma]
    return np.ascontiguousarray(np.column_stack([np.asarray(c, float) for c in cols]))


@dataclass(frozen=True)
class Waypoints:
    """Piecewise-linear flights laid end to end: waypoint times ``t`` [s] and positions ``x, y, z``
    [m] (flat), and per target the index of its first waypoint (``offset``) and their number
    (``width``)."""

    t: np.ndarray
    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    offset: np.ndarray
    width: np.ndarray


def flat_waypoints(truth) -> Waypoints | None:
    """The waypoints of a :class:`~airshield.sensing.FlightTruth` (its flights' groups) or a
    :class:`~airshield.sensing.TrajectoryTruth`; None for any other truth (or one that misses
    targets), which then gives positions through its own ``positions``."""
    flights = getattr(truth, "flights", None)
    if flights is not None and hasattr(flights, "groups"):
        n, groups = flights.n, flights.groups
    elif hasattr(truth, "trajectories"):
        n, groups = truth.n, ((np.arange(truth.n), truth.trajectories),)
    else:
        return None
    offset, width = np.full(n, -1, dtype=np.int64), np.zeros(n, dtype=np.int64)
    flat, base = {c: [] for c in "txyz"}, 0
    for rows, traj in groups:
        w = traj.t.shape[1]
        offset[rows], width[rows] = base + np.arange(len(rows)) * w, w
        for c in "txyz":
            flat[c].append(np.asarray(getattr(traj, c), float).ravel())
        base += traj.t.size
    if n and offset.min() < 0:
        return None
    cat = {c: np.concatenate(v) if v else np.zeros(0) for c, v in flat.items()}
    return Waypoints(cat["t"], cat["x"], cat["y"], cat["z"], offset, width)
