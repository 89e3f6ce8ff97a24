"""Sorties of carrier aircraft: take off, fly to the release point, release, fly back.

Every sortie has the same 4 segments, so many stack into one :class:`Trajectories`:
base (z=0) -> end of climb (cruise altitude) -> release point (release altitude) -> start of
descent (cruise altitude, the end-of-climb point) -> base (z=0). The way back retraces the way out.
"""

from __future__ import annotations

import numpy as np

from airshield.kinematics.routes import towards, waypoint_times
from airshield.kinematics.trajectory import Trajectories

RELEASE_VERTEX = 2
"""Index of the release point among a sortie's waypoints."""


def build_sorties(base_xy: np.ndarray, release_xy: np.ndarray, takeoff_time: np.ndarray, speed: np.ndarray,
                  cruise_altitude: np.ndarray, release_altitude: np.ndarray) -> Trajectories:
    """Trajectories of n sorties at constant ``speed`` [m/s].

    base_xy, release_xy (n,2) [m]; takeoff_time (n,) [s]; cruise_altitude, release_altitude (n,)
    [m]. The climb covers a horizontal distance max(1000 m, 1.5 * cruise altitude), at most 90 %
    of the way to the release point (as a route's climb); waypoint times come from the 3D segment
    lengths / speed, so the release time is takeoff + (climb + cruise leg) / speed.
    """
    base = np.asarray(base_xy, dtype=float)
    release = np.asarray(release_xy, dtype=float)
    alt = np.broadcast_to(np.asarray(cruise_altitude, dtype=float), base.shape[:1])
    drop = np.broadcast_to(np.asarray(release_altitude, dtype=float), base.shape[:1])
    climb_end = towards(base, release, alt)
    xy = np.stack([base, climb_end, release, climb_end, base], axis=1)
    zero = np.zeros_like(alt)
    z = np.stack([zero, alt, drop, alt, zero], axis=1)
    t = waypoint_times(xy[..., 0], xy[..., 1], z, takeoff_time, speed)
    return Trajectories(t, xy[..., 0], xy[..., 1], z)
