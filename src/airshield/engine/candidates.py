"""The feasible engagements at a decision time, with each threat's evaluated value at risk.

Keeps the opened engagement opportunities (pairs whose launch window has begun and not closed)
and, for the cost rule, each threat's chance of being killed later by cheap engagements.

Everything C2 weighs comes from what it perceives: the threat's perceived class (a decoy is taken
for the drones it imitates) sets the salvo, the expected kill probability, the priority and the
lethal radius of threat evaluation. Only the kill probability of the salvo actually fired
(:meth:`CandidateBuilder.true_kill`, used to draw the outcome) reads the true class.
"""

from __future__ import annotations

import numpy as np

from airshield.c2 import Candidates, evaluate_threats
from airshield.engine.defence import DefenceState
from airshield.engine.draws import ThreatDraws
from airshield.engine.flight import Flights
from airshield.engine.intercept import Pairs
from airshield.engine.threat_state import ThreatState
from airshield.world import World

CHEAP_USD = 100_000.0  # a shot at most this cheap counts as a "cheap later chance" [USD]
LOOK_S = 60.0  # time to see a result and shoot again: a threat whose windows last longer has a second chance [s]


class CandidateBuilder:
    """Builds :class:`Candidates` for the event loop from its state columns."""

    def __init__(self, world: World, draws: ThreatDraws, flights: Flights, pairs: Pairs, cost_aware: bool,
                 evaluation_period: float = 30.0):
        self.world, self.draws, self.flights, self.pairs = world, draws, flights, pairs
        self.cost_aware = cost_aware
        self.evaluation_period = evaluation_period
        self.weight = np.zeros(draws.n)
        self.evaluated = np.full(draws.n, -np.inf)
        self.cursor = 0
        self.active = np.zeros(0, dtype=int)
        weapons = world.weapons
        self.perceived = draws.perceived_class
        self.pair_pk = weapons.pk[pairs.weapon, self.perceived[pairs.threat]]
        self.pair_pk_true = weapons.pk[pairs.weapon, draws.class_index[pairs.threat]]
        self.pair_cheap = weapons.cost[pairs.weapon] <= CHEAP_USD
        self.last_close = np.full(draws.n, -np.inf)
        np.maximum.at(self.last_close, pairs.threat, pairs.close)
        doctrine = world.doctrine
        self.pair_unit = weapons.unit[pairs.weapon]
        self.pair_channels = world.units.fire_channels[self.pair_unit]
        self.pair_salvo = doctrine.salvo[self.perceived[pairs.threat]]
        self.pair_round_cost = weapons.cost[pairs.weapon]
        # the cost-ratio rule does not depend on the salvo size: decide it once per pair
        perceived_cost = world.threat_types.perceived_cost[draws.type_index[pairs.threat]]
        self.pair_affordable = self.pair_round_cost <= doctrine.max_cost_ratio * perceived_cost

    def build(self, time: float, threats: ThreatState, defence: DefenceState,
              concurrent: bool) -> tuple[Candidates, np.ndarray, np.ndarray] | None:
        """Candidates, their pair rows and salvo sizes at ``time``, or None if nothing can fire.
        ``concurrent``: several units may engage a threat without a second chance at once."""
        act = self._open(time, threats.alive)
        j, w, unit = self.pairs.threat[act], self.pairs.weapon[act], self.pair_unit[act]
        stock = defence.stock[w]
        ok = (stock > 0) & (defence.busy[unit] < self.pair_channels[act])
        second_chance = self.last_close[j] > time + LOOK_S
        idle = (threats.in_flight[j] == 0) & (threats.look_until[j] <= time)
        ok &= (idle | ~second_chance) if concurrent else idle
        if not self.world.doctrine.shoot_look_shoot:
            ok &= ~threats.used[act]
        if not ok.any():
            return None
        act, j, w, unit, second_chance = act[ok], j[ok], w[ok], unit[ok], second_chance[ok]
        rounds = np.minimum(self.pair_salvo[act], stock[ok])
        p_kill = 1.0 - (1.0 - self.pair_pk[act]) ** rounds
        targets, inverse = np.unique(j, return_inverse=True)
        weight = self._weights(targets, time)[inverse]
        later = self._later(targets, time, defence.stock)[inverse] if self.cost_aware else np.zeros(len(j))
        return Candidates(threat=j, weapon=w, unit=unit, p_kill=p_kill, weight=weight,
                          cost=rounds * self.pair_round_cost[act], later=later, second_chance=second_chance), act, rounds

    def true_kill(self, pairs: np.ndarray, rounds: np.ndarray) -> np.ndarray:
        """Kill probability [-] of ``rounds`` fired on ``pairs`` against the threats as they are."""
        return 1.0 - (1.0 - self.pair_pk_true[pairs]) ** rounds

    def _open(self, time: float, alive: np.ndarray) -> np.ndarray:
        pairs = self.pairs
        end = np.searchsorted(pairs.open, time, side="right")
        if end > self.cursor:
            opened = np.arange(self.cursor, end)
            self.active = np.concatenate([self.active, opened[self.pair_affordable[opened]]])
            self.cursor = end
        self.active = self.active[(pairs.close[self.active] >= time) & alive[pairs.threat[self.active]]]
        return self.active

    def _weights(self, threats: np.ndarray, time: float) -> np.ndarray:
        """Class priority x value at risk from the track [value points], refreshed for threats
        not evaluated within the evaluation period."""
        stale = threats[self.evaluated[threats] <= time - self.evaluation_period]
        if len(stale):
            now, velocity = self.flights.state(stale, np.full(len(stale), time))
            kind = self.draws.type_index[stale]
            evaluation = evaluate_threats(self.world, self.perceived[stale], self.world.threat_types.perceived_lethal_radius[kind],
                                          now, velocity, self.world.doctrine.decoy_belief)
            self.weight[stale] = self.world.doctrine.priority[self.perceived[stale]] * evaluation.value
            self.evaluated[stale] = time
        return self.weight[threats]

    def _later(self, threats: np.ndarray, time: float, stock: np.ndarray) -> np.ndarray:
        """Chance that cheap engagements opening after ``time`` would kill each threat [-]."""
        pairs = self.pairs
        future = (pairs.open > time) & self.pair_cheap & (stock[pairs.weapon] > 0) & np.isin(pairs.threat, threats)
        log_miss = np.zeros(len(threats))
        rows = np.flatnonzero(future)
        if len(rows):
            where = np.searchsorted(threats, pairs.threat[rows])
            np.add.at(log_miss, where, np.log1p(-np.minimum(self.pair_pk[rows], 1 - 1e-12)))
        return 1.0 - np.exp(log_miss)
