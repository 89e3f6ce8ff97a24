"""Engagement opportunities: for each (threat, weapon) pair, when the weapon could fire.

A pair opens at ``open`` [s]: the threat is inside the weapon's envelope, held by a sensor the
unit may use (its own radar, or the shared picture when the unit is linked), and the unit's
reaction time has passed. It closes at ``close`` [s], the last launch time whose interceptor
still meets the threat inside the envelope.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.engine.draws import ThreatDraws
from airshield.engine.flight import Flights
from airshield.engine.sight import Sight
from airshield.kinematics import envelope_windows
from airshield.world import World


@dataclass(frozen=True)
class Pairs:
    """Engagement opportunities sorted by opening time: ``threat``, ``weapon`` rows, ``open``,
    ``close`` [s]."""

    threat: np.ndarray
    weapon: np.ndarray
    open: np.ndarray
    close: np.ndarray


def engagement_pairs(world: World, draws: ThreatDraws, flights: Flights, sight: Sight, c2_cycle: float) -> Pairs:
    """All feasible engagement opportunities of the replication, sorted by opening time."""
    weapons = world.weapons
    if not len(weapons.unit):
        return Pairs(*(np.zeros(0, int),) * 2, *(np.zeros(0),) * 2)
    units = world.units
    centres = np.column_stack([units.x[weapons.unit], units.y[weapons.unit], np.zeros(len(weapons.unit))])
    e_in, e_out = flights.scatter(lambda traj, rows: envelope_windows(
        traj, centres, weapons.range_min, weapons.range_max, weapons.alt_min, weapons.alt_max))
    able = weapons.allowed[:, draws.class_index].T
    slow = world.threat_types.speed[draws.type_index][:, None] <= weapons.max_target_speed[None, :]
    j, w = np.nonzero(np.isfinite(e_in) & able & slow)
    held = _held_from(world, sight, j, w, e_in[j, w], e_out[j, w])
    opening = _on_grid(held + units.reaction[weapons.unit[w]], c2_cycle)
    close = _last_launch(world, flights, j, w, e_out[j, w])
    keep = np.isfinite(opening) & (opening <= close)
    order = np.lexsort((w[keep], j[keep], opening[keep]))
    return Pairs(j[keep][order], w[keep][order], opening[keep][order], close[keep][order])


def _held_from(world: World, sight: Sight, j: np.ndarray, w: np.ndarray, e_in: np.ndarray,
               e_out: np.ndarray) -> np.ndarray:
    """Earliest time [s] in [e_in, e_out] at which the unit's usable picture holds the threat."""
    unit = world.weapons.unit[w]
    linked = world.units.linked[unit]
    own = world.units.own_sensor[unit]
    own_start = np.where(own >= 0, sight.seen_start[j, np.maximum(own, 0)], np.nan)
    own_end = np.where(own >= 0, sight.seen_end[j, np.maximum(own, 0)], np.nan)
    starts = np.where(linked[:, None], sight.net_start[j], own_start[:, None])
    ends = np.where(linked[:, None], sight.net_end[j], own_end[:, None])
    overlap = (ends > e_in[:, None]) & (starts <= e_out[:, None])
    candidate = np.where(overlap, np.maximum(starts, e_in[:, None]), np.inf)
    earliest = candidate.min(axis=1) if candidate.shape[1] else np.full(len(j), np.inf)
    return np.where(np.isinf(earliest), np.nan, earliest)


def _on_grid(times: np.ndarray, cycle: float) -> np.ndarray:
    """Times rounded up to the C2 decision grid of ``cycle`` [s]."""
    return np.ceil(times / cycle) * cycle if cycle > 0 else times


def _last_launch(world: World, flights: Flights, j: np.ndarray, w: np.ndarray, e_out: np.ndarray) -> np.ndarray:
    """Latest launch time [s] whose interceptor reaches the threat by the window's end."""
    weapons, units = world.weapons, world.units
    where = flights.position(j, e_out)
    unit = weapons.unit[w]
    distance = np.sqrt((where[:, 0] - units.x[unit]) ** 2 + (where[:, 1] - units.y[unit]) ** 2 + where[:, 2] ** 2)
    return e_out - distance / weapons.speed[w]


def intercept_time(world: World, flights: Flights, threats: np.ndarray, weapons: np.ndarray,
                   launch: float, iterations: int = 4) -> np.ndarray:
    """Time [s] interceptors launched at ``launch`` [s] meet their threats (fixed-point solve)."""
    unit = world.weapons.unit[weapons]
    ux, uy, speed = world.units.x[unit], world.units.y[unit], world.weapons.speed[weapons]
    meet = np.full(len(threats), float(launch))
    for _ in range(iterations):
        p = flights.position(threats, meet)
        meet = launch + np.sqrt((p[:, 0] - ux) ** 2 + (p[:, 1] - uy) ** 2 + p[:, 2] ** 2) / speed
    return meet
