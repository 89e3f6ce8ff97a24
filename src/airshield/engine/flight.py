"""The flights of one replication: routes for low flyers, arcs for ballistic missiles and glide
bombs, sorties for carrier aircraft.

The kinds keep their own segment counts (5 for routes, 16 for arcs, 4 for sorties) so that window
computations do not pad every drone to a ballistic arc; :class:`Flights` maps results back to
threat order. A weapon released by a carrier starts at its release point: an arc at the release
altitude (a glide bomb glides down from there: z = h (1 - s^2) over its flight, s in [0, 1]); a
route on the ground below it (the climb of an air-launched cruise missile is not modelled).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from airshield.engine.draws import ThreatDraws
from airshield.engine.streams import ThreatStreams
from airshield.world.settings import EngineSettings
from airshield.kinematics import Trajectories, build_arcs, build_routes, build_sorties, dogleg_offsets, path_length
from airshield.world import World


@dataclass(frozen=True)
class Flights:
    """Trajectories in groups; ``groups`` holds (threat rows, Trajectories) pairs."""

    n: int
    groups: tuple[tuple[np.ndarray, Trajectories], ...]

    def __post_init__(self) -> None:
        group = np.full(self.n, -1, dtype=int)
        local = np.zeros(self.n, dtype=int)
        for g, (rows, _) in enumerate(self.groups):
            group[rows] = g
            local[rows] = np.arange(len(rows))
        object.__setattr__(self, "_group", group)
        object.__setattr__(self, "_local", local)

    @property
    def end_time(self) -> np.ndarray:
        """Time each threat reaches its impact point (n,) [s]."""
        return self.scatter(lambda traj, rows: (traj.end_time,), 1)[0]

    def scatter(self, fn: Callable[[Trajectories, np.ndarray], tuple[np.ndarray, ...]],
                width: int | None = None) -> tuple[np.ndarray, ...]:
        """Run ``fn(traj, rows)`` per group and gather its arrays back into threat order."""
        out: list[np.ndarray] | None = None
        for rows, traj in self.groups:
            parts = fn(traj, rows)
            if out is None:
                out = [np.full((self.n, *p.shape[1:]), np.nan) for p in parts]
            for full, part in zip(out, parts):
                full[rows] = part
        return tuple(out) if out is not None else ()

    def position(self, threats: np.ndarray, times: np.ndarray) -> np.ndarray:
        """Positions (k, 3) [m] of ``threats`` at ``times`` [s] (clamped to each flight's ends)."""
        return self.state(threats, times)[0]

    def state(self, threats: np.ndarray, times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positions (k, 3) [m] and velocities (k, 3) [m/s] of ``threats`` at ``times`` [s]."""
        threats = np.asarray(threats, dtype=int)
        times = np.broadcast_to(np.asarray(times, dtype=float), threats.shape)
        position, velocity = np.empty((len(threats), 3)), np.empty((len(threats), 3))
        group = self._group[threats]
        for g, (_, traj) in enumerate(self.groups):
            hit = group == g
            if hit.any():
                position[hit], velocity[hit] = _interpolate(traj, self._local[threats[hit]], times[hit])
        return position, velocity


def _interpolate(traj: Trajectories, rows: np.ndarray, times: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions (k, 3) [m] and velocities (k, 3) [m/s] of trajectory ``rows`` at ``times`` [s],
    linear between waypoints (the velocity of the segment flown at that time), clamped to the ends."""
    t = traj.t[rows]
    clamped = np.minimum(np.maximum(times, t[:, 0]), t[:, -1])
    segment = (t[:, 1:-1] <= clamped[:, None]).sum(axis=1)
    start = rows * t.shape[1] + segment
    flat_t = traj.t.ravel()
    t0, t1 = flat_t[start], flat_t[start + 1]
    span = t1 - t0
    moving = span > 0
    safe_span = np.where(moving, span, 1.0)
    frac = np.where(moving, (clamped - t0) / safe_span, 0.0)
    out, velocity = np.empty((len(rows), 3)), np.empty((len(rows), 3))
    for c, column in enumerate((traj.x, traj.y, traj.z)):
        flat = column.ravel()
        a, b = flat[start], flat[start + 1]
        out[:, c] = a + frac * (b - a)
        velocity[:, c] = np.where(moving, (b - a) / safe_span, 0.0)
    return out, velocity


def build_flights(world: World, draws: ThreatDraws, streams: ThreatStreams, settings: EngineSettings) -> Flights:
    """Routes (with dog-legs around defended points), arcs and sorties for every threat."""
    types = world.threat_types
    arc, carrier = types.arc[draws.type_index], types.carrier[draws.type_index]
    groups = []
    route_rows = np.flatnonzero(~arc & ~carrier)
    if len(route_rows):
        groups.append((route_rows, _routes(world, draws, route_rows, streams, settings)))
    arc_rows = np.flatnonzero(arc)
    if len(arc_rows):
        groups.append((arc_rows, _arcs(world, draws, arc_rows, settings)))
    sortie_rows = np.flatnonzero(carrier)
    if len(sortie_rows):
        groups.append((sortie_rows, _sorties(world, draws, sortie_rows)))
    return Flights(draws.n, tuple(groups))


def _routes(world: World, draws: ThreatDraws, rows: np.ndarray, streams: ThreatStreams,
            settings: EngineSettings) -> Trajectories:
    types = world.threat_types
    kind = draws.type_index[rows]
    launch, impact = draws.launch_xy[rows], draws.impact_xy[rows]
    spread = np.where(world.waves.dogleg[draws.wave[rows]], settings.dogleg_spread, 0.0)
    defended = np.column_stack([world.units.x, world.units.y]) if len(world.units.x) else np.zeros((0, 2))
    index = np.array([0, 1])
    normal = streams.normal("dogleg_size", rows[:, None], index[None, :])
    coin = streams.uniform("dogleg_side", rows[:, None], index[None, :])
    lateral = dogleg_offsets(launch, impact, defended, spread, normal, coin)
    args = (launch, impact, draws.launch_time[rows], types.speed[kind], draws.altitude[rows])
    traj = build_routes(*args, lateral)
    too_long = path_length(traj) > types.range[kind]
    if too_long.any():
        traj = build_routes(*args, np.where(too_long[:, None], 0.0, lateral))
    return traj


def _arcs(world: World, draws: ThreatDraws, rows: np.ndarray, settings: EngineSettings) -> Trajectories:
    types = world.threat_types
    kind = draws.type_index[rows]
    air_launched = types.air_launched[kind]
    released = draws.release_altitude[rows]
    start = np.where(np.isfinite(released), released,
                     np.where(air_launched, settings.aeroballistic_launch_altitude, 0.0))
    return build_arcs(draws.launch_xy[rows], draws.impact_xy[rows], draws.launch_time[rows],
                      types.speed[kind], draws.altitude[rows], start)


def _sorties(world: World, draws: ThreatDraws, rows: np.ndarray) -> Trajectories:
    speed = world.threat_types.speed[draws.type_index[rows]]
    return build_sorties(draws.launch_xy[rows], draws.release_xy[rows], draws.launch_time[rows], speed,
                         draws.altitude[rows], draws.release_altitude[rows])
