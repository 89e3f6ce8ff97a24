"""Arcs of ballistic and aeroballistic missiles: parabolic altitude, linear ground track."""

from __future__ import annotations

import numpy as np

from airshield.kinematics.trajectory import Trajectories


def build_arcs(launch_xy: np.ndarray, impact_xy: np.ndarray, launch_time: np.ndarray,
               mean_speed: np.ndarray, apogee: np.ndarray, start_altitude: np.ndarray | float = 0.0,
               segments: int = 16) -> Trajectories:
    """Trajectories of n missiles on parabolic arcs sampled at ``segments`` equal time steps.

    launch_xy, impact_xy (n,2) [m]; launch_time (n,) [s]; mean_speed (n,) [m/s] ground
    speed, so the flight time is T = ground range / mean_speed [s]; apogee (n,) [m] peak
    altitude; start_altitude (n,) [m] altitude at launch (e.g. an air-launched missile).
    Horizontal position is linear in time; with s = (t - launch_time) / T,
    z(s) = start_altitude (1-s) + 4 a s (1-s), a chosen so that the peak of z equals
    max(apogee, start_altitude). The arc ends at z = 0 at the impact point.
    """
    launch = np.asarray(launch_xy, dtype=float)
    impact = np.asarray(impact_xy, dtype=float)
    n = launch.shape[0]
    h0 = np.broadcast_to(np.asarray(start_altitude, dtype=float), (n,))
    peak = np.maximum(np.broadcast_to(np.asarray(apogee, dtype=float), (n,)), h0)
    a = ((np.sqrt(peak) + np.sqrt(peak - h0)) / 2) ** 2
    flight = np.hypot(*(impact - launch).T) / np.asarray(mean_speed, dtype=float)
    s = np.linspace(0.0, 1.0, segments + 1)[None, :]
    t = np.broadcast_to(np.asarray(launch_time, dtype=float), (n,))[:, None] + flight[:, None] * s
    x = launch[:, :1] + (impact - launch)[:, :1] * s
    y = launch[:, 1:] + (impact - launch)[:, 1:] * s
    z = h0[:, None] * (1 - s) + 4 * a[:, None] * s * (1 - s)
    return Trajectories(t, x, y, z)
