"""The placement model's view of carriers: a unit saves a carried weapon by shooting its carrier down
before the release, or, when the attacker knows where it is, by pushing the release point back
until the weapon falls short of its target.

Both act on the weapon's row of the coverage matrix (the carrier itself weighs nothing: it does no
damage). The push-back of a candidate is judged alone, against the release points sampled with the
scenario's own laydown (its known units already pushed them); a known candidate that moves a release
point is not credited with downing that carrier (the attacker keeps out of its envelope).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from airshield.engine.sorties import aircraft_reach, push_out
from airshield.world import World


def with_carriers(world: World, draws, flights, fates, unit_p: np.ndarray,
                  kill_shares: Callable) -> np.ndarray:
    """``unit_p`` (threats, units) with each carried weapon also covered by a kill of its carrier
    before the release and by a push-back of the release point beyond the weapon's reach.

    ``kill_shares(world, draws, flights, fates)`` gives the (threats, units) kill shares; the
    carrier's is taken with its end at the release. A known unit that moves a sortie's release point
    gets no credit for that carrier: the attacker keeps out of its envelope (the new way in is not
    checked, as in the engine)."""
    carried = np.flatnonzero(draws.parent >= 0)
    if not len(carried):
        return unit_p
    carrier = world.threat_types.carrier[draws.type_index]
    before_release = replace(fates, end_time=np.where(carrier, np.minimum(draws.release_time, fates.end_time),
                                                      fates.end_time))
    carrier_p = kill_shares(world, draws, flights, before_release)[draws.parent[carried]]
    short, moved = _pushed_back(world, draws, carried)
    p = unit_p.copy()
    p[carried] = 1.0 - (1.0 - p[carried]) * (1.0 - np.where(moved, 0.0, carrier_p))
    p[carried] = np.maximum(p[carried], short)
    return p


def _pushed_back(world: World, draws, carried: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(carried, units) masks: ``short`` where the unit alone, known to the attacker, pushes the
    weapon's release point (plus the standoff) so far back that the weapon falls short of its impact
    point (it would have reached it); ``moved`` where it moves the release point at all."""
    units, reach = world.units, aircraft_reach(world)
    sortie = draws.parent[carried]
    aim = np.column_stack([world.assets.x[draws.target[sortie]], world.assets.y[draws.target[sortie]]])
    release, impact = draws.launch_xy[carried], draws.impact_xy[carried]
    weapon_range = world.threat_types.range[draws.type_index[carried]]
    short_now = np.hypot(*(impact - release).T) > weapon_range
    standoff = world.waves.carriers.standoff[draws.wave[carried]]
    short = np.zeros((len(carried), len(units.name)), dtype=bool)
    moved = np.zeros_like(short)
    for u in np.flatnonzero(units.known & (reach > 0)):
        point = push_out(aim, release, np.array([[units.x[u], units.y[u]]]), (reach[u] + standoff)[:, None])
        moved[:, u] = np.hypot(*(point - release).T) > 1.0  # [m]: more than rounding
        short[:, u] = (np.hypot(*(impact - point).T) > weapon_range) & ~short_now
    return short, moved
