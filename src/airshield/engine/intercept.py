"""Intercept geometry: for each (threat, weapon) pair, when the weapon could fire, and when an
interceptor launched at a given time meets its threat.

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
from airshield.physics import can_engage, envelope_times
from airshield.world import World


@dataclass(frozen=True)
class Pairs:
    """Engagement opportunities sorted by opening time: ``threat``, ``weapon`` rows, ``open`` and
    ``close`` launch times [s], ``meet_by`` the end of the envelope window [s]."""

    threat: np.ndarray
    weapon: np.ndarray
    open: np.ndarray
    close: np.ndarray
    meet_by: np.ndarray


def engagement_pairs(world: World, draws: ThreatDraws, flights: Flights, sight: Sight, c2_cycle: float) -> Pairs:
    """All feasible engagement opportunities of the replication, sorted by opening time."""
    weapons = world.weapons
    if not len(weapons.unit):
        return Pairs(*(np.zeros(0, int),) * 2, *(np.zeros(0),) * 3)
    units = world.units
    e_in, e_out = envelope_times(flights, units, weapons, fast=world.run.engine.loop != "reference")
    # the doctrine's choice of munition follows what C2 perceives (a decoy is taken for a drone)
    able = can_engage(weapons, draws.perceived_class, world.threat_types.speed[draws.type_index])
    j, w = np.nonzero(np.isfinite(e_in) & able)
    first = e_in[j, w] - _flight_time(world, flights, j, w, e_in[j, w])
    close = e_out[j, w] - _flight_time(world, flights, j, w, e_out[j, w])
    reaction = units.reaction[weapons.unit[w]]
    opening = _on_grid(_first_launch(world, sight, j, w, first, close, reaction), c2_cycle)
    keep = np.isfinite(opening) & (opening <= close)
    order = np.lexsort((w[keep], j[keep], opening[keep]))
    meet_by = e_out[j, w]
    return Pairs(j[keep][order], w[keep][order], opening[keep][order], close[keep][order], meet_by[keep][order])


def _first_launch(world: World, sight: Sight, j: np.ndarray, w: np.ndarray, first: np.ndarray,
                  close: np.ndarray, reaction: np.ndarray) -> np.ndarray:
    """Earliest launch time [s]: the threat is held by a picture the unit may use for at least
    the unit's reaction time, and the interceptor would meet it no earlier than its envelope
    entry (``first``); NaN if no held interval allows a launch before ``close``."""
    unit = world.weapons.unit[w]
    linked = world.units.linked[unit]
    own = world.units.own_sensor[unit]
    own_start = np.where(own >= 0, sight.seen_start[j, np.maximum(own, 0)], np.nan)
    own_end = np.where(own >= 0, sight.seen_end[j, np.maximum(own, 0)], np.nan)
    starts = np.where(linked[:, None], sight.net_start[j], own_start[:, None])
    ends = np.where(linked[:, None], sight.net_end[j], own_end[:, None])
    launch = np.maximum(starts + reaction[:, None], first[:, None])
    valid = (launch <= ends) & (launch <= close[:, None])
    candidate = np.where(valid, launch, np.inf)
    earliest = candidate.min(axis=1) if candidate.shape[1] else np.full(len(j), np.inf)
    return np.where(np.isinf(earliest), np.nan, earliest)


def _on_grid(times: np.ndarray, cycle: float) -> np.ndarray:
    """Times rounded up to the C2 decision grid of ``cycle`` [s]."""
    return np.ceil(times / cycle) * cycle if cycle > 0 else times


def _flight_time(world: World, flights: Flights, j: np.ndarray, w: np.ndarray, at: np.ndarray) -> np.ndarray:
    """Interceptor flight time [s] from the unit to where each threat is at time ``at`` [s]."""
    weapons, units = world.weapons, world.units
    where = flights.position(j, at)
    unit = weapons.unit[w]
    distance = np.sqrt((where[:, 0] - units.x[unit]) ** 2 + (where[:, 1] - units.y[unit]) ** 2 + where[:, 2] ** 2)
    return distance / weapons.speed[w]


def intercept_time(world: World, flights: Flights, threats: np.ndarray, weapons: np.ndarray,
                   launch: float, latest: np.ndarray) -> np.ndarray:
    """Time [s] interceptors launched at ``launch`` [s] meet their threats, at most ``latest`` [s].

    Solves t = launch + |P(t) - U| / v to 0.25 s: three fixed-point steps (the last step's size is the convergence check) (enough when the threat is much
    slower than the interceptor), then bisection on [launch, latest] where that has not converged.
    """
    unit = world.weapons.unit[weapons]
    ux, uy, speed = world.units.x[unit], world.units.y[unit], world.weapons.speed[weapons]

    def excess(t: np.ndarray, rows: np.ndarray) -> np.ndarray:
        p = flights.position(threats[rows], t)
        reach = np.sqrt((p[:, 0] - ux[rows]) ** 2 + (p[:, 1] - uy[rows]) ** 2 + p[:, 2] ** 2) / speed[rows]
        return t - launch - reach

    rows = np.arange(len(threats))
    meet = np.full(len(threats), float(launch))
    for _ in range(3):
        step = excess(meet, rows)
        meet = meet - step
    slow = np.flatnonzero(np.abs(step) > 0.25)
    if len(slow):
        lo, hi = np.full(len(slow), float(launch)), np.maximum(latest[slow], launch)
        for _ in range(20):
            mid = 0.5 * (lo + hi)
            late = excess(mid, slow) >= 0
            hi, lo = np.where(late, mid, hi), np.where(late, lo, mid)
        meet[slow] = hi
    return np.minimum(meet, np.maximum(latest, launch))
