"""The event loop of one replication (simpy-style heap of (time, priority, sequence)).

Events: a threat's unopposed end (impact, failure, EW loss), an interceptor reaching its
threat, a launcher reloaded, and C2 decision times when engagement opportunities open or
channels free up. Equal times are ordered by priority, then by insertion sequence.
"""

from __future__ import annotations

import heapq
import itertools

import numpy as np

from airshield.c2 import Assigner, Candidates
from airshield.engine.candidates import CandidateBuilder
from airshield.engine.draws import ThreatDraws
from airshield.engine.eventlog import EventLogBuilder
from airshield.engine.fates import EW_LOSS, FAILURE, Fates
from airshield.engine.flight import Flights
from airshield.engine.outcome import damage_events
from airshield.engine.pairs import Pairs, intercept_time
from airshield.world import World

INTERCEPT, END, RELOAD, DECIDE = 0, 1, 2, 3
FATE_KIND = {FAILURE: "failure", EW_LOSS: "ew_loss"}


class RaidLoop:
    """State of one replication's defence as columns, advanced event by event."""

    def __init__(self, world: World, draws: ThreatDraws, flights: Flights, fates: Fates, pairs: Pairs,
                 assigner: Assigner, rng: np.random.Generator, log: EventLogBuilder, evaluation_period: float = 30.0):
        self.world, self.draws, self.flights, self.fates, self.pairs = world, draws, flights, fates, pairs
        self.assigner, self.rng, self.log = assigner, rng, log
        weapons = world.weapons
        self.alive = np.ones(draws.n, dtype=bool)
        self.ended_at = np.full(draws.n, np.inf)
        self.in_flight = np.zeros(draws.n, dtype=int)
        self.concurrent = assigner.concurrent
        self.stock = weapons.stock.copy()
        self.magazine = weapons.magazine.copy()
        self.reload_size = np.maximum(weapons.stock, 1)
        self.reloading = np.zeros(len(weapons.unit), dtype=bool)
        self.busy = np.zeros(len(world.units.name), dtype=int)
        self.used = np.zeros(len(pairs.threat), dtype=bool)
        self.builder = CandidateBuilder(world, draws, flights, pairs, world.doctrine.value_per_musd > 0,
                                        evaluation_period)
        self.end_xyz = flights.position(np.arange(draws.n), fates.end_time)
        self.heap: list[tuple] = []
        self.seq = itertools.count()

    def push(self, time: float, priority: int, *payload) -> None:
        """Schedule an event."""
        heapq.heappush(self.heap, (time, priority, next(self.seq), *payload))

    def run(self, horizon: float) -> None:
        """Process events up to ``horizon`` [s]."""
        for j in range(self.draws.n):
            self.push(self.fates.end_time[j], END, j)
        for t in np.unique(self.pairs.open):
            self.push(float(t), DECIDE)
        handlers = {INTERCEPT: self._intercept, END: self._end, RELOAD: self._reload, DECIDE: self._decide}
        while self.heap and self.heap[0][0] <= horizon:
            time, priority, _, *payload = heapq.heappop(self.heap)
            handlers[priority](time, *payload)

    def _end(self, time: float, j: int) -> None:
        if not self.alive[j]:
            return
        self.alive[j] = False
        self.ended_at[j] = time
        xyz = tuple(self.end_xyz[j])
        fate = int(self.fates.fate[j])
        if fate in FATE_KIND:
            self.log.add(time, FATE_KIND[fate], threat=j, xyz=xyz)
            return
        self.log.add(time, "impact", threat=j, xyz=xyz)
        if not self.world.threat_types.harmless[self.draws.type_index[j]]:
            for asset, value in damage_events(self.world, self.draws.type_index[j], xyz, self.remaining):
                self.log.add(time, "damage", threat=j, xyz=xyz, asset=asset, value=value)

    def _intercept(self, time: float, j: int, w: int, p_kill: float, xyz: tuple[float, float, float]) -> None:
        unit = int(self.world.weapons.unit[w])
        self.busy[unit] -= 1
        self.in_flight[j] -= 1
        kill = self.rng.random() < p_kill
        if self.alive[j]:
            self.log.add(time, "kill" if kill else "miss", threat=j, unit=unit, weapon=w, xyz=xyz)
            self.alive[j] = not kill
            if kill:
                self.ended_at[j] = time
        self.push(time, DECIDE)

    def _reload(self, time: float, w: int) -> None:
        rounds = int(min(self.reload_size[w], self.magazine[w]))
        self.stock[w] += rounds
        self.magazine[w] -= rounds
        self.reloading[w] = False
        self.push(time, DECIDE)

    def _decide(self, time: float) -> None:
        built = self.builder.build(time, self)
        if built is None:
            return
        candidates, offered, rounds = built
        free = self.world.units.fire_channels - self.busy
        chosen = self.assigner.assign(candidates, free)
        if not len(chosen):
            return
        act = offered[chosen]
        meet = intercept_time(self.world, self.flights, candidates.threat[chosen], candidates.weapon[chosen],
                              time, self.pairs.meet_by[act])
        threats = candidates.threat[chosen]
        here = self.flights.position(threats, np.full(len(chosen), time))
        there = self.flights.position(threats, meet)
        for k, row in enumerate(chosen):
            self._fire(time, candidates, int(row), int(act[k]), int(rounds[row]), float(meet[k]),
                       tuple(here[k]), tuple(there[k]))

    def _fire(self, time: float, candidates: Candidates, row: int, pair: int, rounds: int, meet: float,
              xyz: tuple[float, float, float], meet_xyz: tuple[float, float, float]) -> None:
        j, w = int(candidates.threat[row]), int(candidates.weapon[row])
        unit = int(candidates.unit[row])
        if self.stock[w] < rounds or self.busy[unit] >= self.world.units.fire_channels[unit]:
            return
        self.stock[w] -= rounds
        self.busy[unit] += 1
        self.in_flight[j] += 1
        self.used[pair] = True
        self.log.add(time, "engage", threat=j, unit=unit, weapon=w, rounds=rounds,
                     cost=float(candidates.cost[row]), xyz=xyz)
        self.push(meet, INTERCEPT, j, w, float(candidates.p_kill[row]), meet_xyz)
        if self.stock[w] == 0 and self.magazine[w] > 0 and not self.reloading[w]:
            self.reloading[w] = True
            self.push(time + float(self.world.units.reload[unit]), RELOAD, w)

    @property
    def remaining(self) -> np.ndarray:
        """Value still standing per asset [value points] (lazily created)."""
        if not hasattr(self, "_remaining"):
            self._remaining = self.world.assets.value.astype(float).copy()
        return self._remaining
