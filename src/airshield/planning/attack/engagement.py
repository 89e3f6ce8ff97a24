"""What each fire unit can do to each sampled threat over its whole engagement window, for the
attacker's surrogate.

A unit may engage a threat (within the doctrine's reserve rules and cost ratio) from when it enters
the envelope (plus the unit's reaction time) until it leaves the envelope or ends unopposed. With
shoot-look-shoot, each engagement takes a cycle of about half the envelope's range at the interceptor's
speed, the look time and one C2 cycle, so a slow drone crossing a gun's envelope meets several engagements where a missile meets one. With q the miss
probability of one salvo and k the engagements the window allows, the unit kills the threat with
1 - q^k and would fire salvo x (1 - q^k) / (1 - q) rounds at it alone (it stops once the threat is
down). Per unit the best of its munitions counts. Where several units can engage a threat, they share
the work (one unit at a time engages it): each is charged its rounds times its share of the kill
probabilities, so a threat covered by many units does not count in full against each one's stock.
"""

from __future__ import annotations

import numpy as np

from airshield.physics import can_engage, envelope_times
from airshield.world import World

MAX_ENGAGEMENTS = 8
"""Engagements of one unit on one threat counted at most [-]."""


def unit_engagements(world: World, draws, flights, fates) -> tuple[np.ndarray, np.ndarray]:
    """(threats, units) kill probability of each unit over its window [-], and the rounds it expects to
    spend on the threat [rounds] (see module doc)."""
    weapons, units = world.weapons, world.units
    n_units = len(units.name)
    if draws.n == 0 or len(weapons.unit) == 0:
        return np.zeros((draws.n, n_units)), np.zeros((draws.n, n_units))
    e_in, e_out = envelope_times(flights, units, weapons)
    end = fates.end_time[:, None]
    able = can_engage(weapons, draws.perceived_class, world.threat_types.speed[draws.type_index])
    affordable = weapons.cost[None, :] <= world.doctrine.max_cost_ratio * world.threat_types.perceived_cost[
        draws.type_index][:, None]
    reach = np.isfinite(e_in) & able & affordable & (e_in < end)
    salvo = world.doctrine.salvo[draws.perceived_class][:, None].astype(float)
    miss = (1.0 - weapons.pk[:, draws.class_index].T) ** salvo
    settings = world.run.engine
    cycle = settings.look + settings.c2_cycle + 0.5 * weapons.range_max / np.maximum(weapons.speed, 1.0)
    window = np.where(reach, np.minimum(np.nan_to_num(e_out, nan=0.0), end) - np.nan_to_num(e_in, nan=0.0), 0.0)
    window = np.maximum(window - units.reaction[weapons.unit][None, :], 0.0)
    tries = 1 + np.floor(window / cycle[None, :]) if world.doctrine.shoot_look_shoot else np.ones_like(window)
    tries = np.minimum(tries, MAX_ENGAGEMENTS)
    kill = np.where(reach, 1.0 - miss ** tries, 0.0)
    spent = np.where(reach, salvo * np.where(miss < 1.0, kill / np.maximum(1.0 - miss, 1e-12), tries), 0.0)
    best = np.full((draws.n, n_units), -1.0)
    p_unit = np.zeros((draws.n, n_units))
    rounds = np.zeros((draws.n, n_units))
    for w in range(len(weapons.unit)):
        u = weapons.unit[w]
        better = kill[:, w] > best[:, u]
        best[better, u] = kill[better, w]
        p_unit[better, u] = kill[better, w]
        rounds[better, u] = spent[better, w]
    share = p_unit / np.maximum(p_unit.sum(axis=1, keepdims=True), 1e-12)
    return p_unit, np.where(p_unit > 0, rounds * share, 0.0)
