"""Routes of drones, decoys and cruise missiles: climb, two dogleg waypoints, dive.

Every route has the same 5 segments, so many routes stack into one :class:`Trajectories`:
launch (z=0) -> end of climb -> dogleg 1 -> dogleg 2 -> start of dive -> impact (z=0).
"""

from __future__ import annotations

import numpy as np

from airshield.kinematics.trajectory import Trajectories

MIN_CLIMB = 1000.0       # [m] least horizontal distance of climb and of dive
CLIMB_PER_ALT = 1.5      # [-] horizontal distance of climb/dive per metre of altitude
MAX_DOGLEG = 0.3         # [-] largest sideways offset as a fraction of the route length
DENSITY_SCALE = 30e3     # [m] distance scale of the defended-point density


def build_routes(launch_xy: np.ndarray, impact_xy: np.ndarray, launch_time: np.ndarray,
                 speed: np.ndarray, altitude: np.ndarray, lateral: np.ndarray) -> Trajectories:
    """Trajectories of n low flyers at constant ``speed`` [m/s] and cruise ``altitude`` [m].

    launch_xy, impact_xy (n,2) [m]; launch_time (n,) [s]; lateral (n,2) [m] sideways
    offsets (left of the launch->impact direction positive) of the dogleg waypoints at 1/3
    and 2/3 of the straight line. Climb and dive each cover a horizontal distance
    max(1000 m, 1.5 * altitude), shrunk to at most 90 % of the first / last leg when the
    route is short. Waypoint times come from 3D segment lengths / speed.
    """
    launch = np.asarray(launch_xy, dtype=float)
    impact = np.asarray(impact_xy, dtype=float)
    lateral = np.asarray(lateral, dtype=float)
    alt = np.broadcast_to(np.asarray(altitude, dtype=float), launch.shape[:1])
    along, left = _route_axes(launch, impact)
    delta = impact - launch
    dog1 = launch + delta / 3 + left * lateral[:, :1]
    dog2 = launch + 2 * delta / 3 + left * lateral[:, 1:]
    climb_end = towards(launch, dog1, alt)
    dive_start = towards(impact, dog2, alt)
    xy = np.stack([launch, climb_end, dog1, dog2, dive_start, impact], axis=1)
    zero = np.zeros_like(alt)
    z = np.stack([zero, alt, alt, alt, alt, zero], axis=1)
    t = waypoint_times(xy[..., 0], xy[..., 1], z, launch_time, speed)
    return Trajectories(t, xy[..., 0], xy[..., 1], z)


def path_length(traj: Trajectories) -> np.ndarray:
    """Horizontal length of each trajectory (n,) [m]."""
    return np.hypot(np.diff(traj.x, axis=1), np.diff(traj.y, axis=1)).sum(axis=1)


def dogleg_offsets(launch_xy: np.ndarray, impact_xy: np.ndarray, defended_xy: np.ndarray,
                   spread: np.ndarray, normal: np.ndarray, coin: np.ndarray) -> np.ndarray:
    """Random sideways dogleg offsets (n,2) [m] steering around defended points.

    Magnitude |N(0, spread * L)| capped at 0.3 L, L the straight route length [m], spread
    (n,) [-], from standard normal draws ``normal`` (n,2). For each dogleg waypoint the side is
    the one whose candidate waypoint sees less defended-point density sum(exp(-d / 30 km)); ties
    go to a random side (uniform draws ``coin`` (n,2) below 0.5: left).
    """
    launch = np.asarray(launch_xy, dtype=float)
    impact = np.asarray(impact_xy, dtype=float)
    defended = np.asarray(defended_xy, dtype=float).reshape(-1, 2)
    length = np.hypot(*(impact - launch).T)
    size = np.abs(np.asarray(normal, dtype=float)) * (np.asarray(spread, dtype=float) * length)[:, None]
    size = np.minimum(size, MAX_DOGLEG * length[:, None])
    coin = np.where(np.asarray(coin) < 0.5, 1.0, -1.0)
    _, left = _route_axes(launch, impact)
    out = np.empty((launch.shape[0], 2))
    for j in range(2):
        base = launch + (impact - launch) * (j + 1) / 3
        offset = left * size[:, j:j + 1]
        dens_left = _density(base + offset, defended)
        dens_right = _density(base - offset, defended)
        side = np.where(np.isclose(dens_left, dens_right, rtol=1e-12, atol=1e-300), coin[:, j],
                        np.where(dens_left < dens_right, 1.0, -1.0))
        out[:, j] = side * size[:, j]
    return out


def _density(points: np.ndarray, defended: np.ndarray) -> np.ndarray:
    """Sum over defended points of exp(-distance / 30 km) at each point (n,)."""
    if defended.shape[0] == 0:
        return np.zeros(points.shape[0])
    d = np.hypot(points[:, None, 0] - defended[None, :, 0], points[:, None, 1] - defended[None, :, 1])
    return np.exp(-d / DENSITY_SCALE).sum(axis=1)


def _route_axes(launch: np.ndarray, impact: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unit along-track (n,2) and left-perpendicular (n,2) directions; east when degenerate."""
    delta = impact - launch
    length = np.hypot(delta[:, 0], delta[:, 1])[:, None]
    along = np.where(length > 0, delta / np.where(length > 0, length, 1.0), [1.0, 0.0])
    left = np.stack([-along[:, 1], along[:, 0]], axis=1)
    return along, left


def towards(start: np.ndarray, target: np.ndarray, altitude: np.ndarray) -> np.ndarray:
    """Point at the climb/dive distance from ``start`` towards ``target`` (n,2) [m]."""
    leg = target - start
    leg_len = np.hypot(leg[:, 0], leg[:, 1])
    dist = np.minimum(np.maximum(MIN_CLIMB, CLIMB_PER_ALT * altitude), 0.9 * leg_len)
    frac = np.where(leg_len > 0, dist / np.where(leg_len > 0, leg_len, 1.0), 0.0)
    return start + leg * frac[:, None]


def waypoint_times(x: np.ndarray, y: np.ndarray, z: np.ndarray, launch_time: np.ndarray,
                    speed: np.ndarray) -> np.ndarray:
    """Waypoint times (n, S+1) [s] flying the 3D legs at ``speed`` [m/s] from ``launch_time``."""
    seg = np.sqrt(np.diff(x, axis=1) ** 2 + np.diff(y, axis=1) ** 2 + np.diff(z, axis=1) ** 2)
    dt = seg / np.asarray(speed, dtype=float).reshape(-1, 1)
    start = np.broadcast_to(np.asarray(launch_time, dtype=float), x.shape[:1])[:, None]
    return start + np.concatenate([np.zeros_like(start), np.cumsum(dt, axis=1)], axis=1)
