"""The event loop of one replication: what happens at each event.

Events: a threat's unopposed end (impact, failure, EW loss), an interceptor reaching its threat
(kill or miss), a launcher reloaded, and C2 decisions. The queue (:mod:`.scheduler`) orders them;
the defence's resources live in :class:`~airshield.engine.defence.DefenceState`, the threats' in
:class:`~airshield.engine.threat_state.ThreatState`.

C2 decides on a grid of ``c2_cycle`` [s]: when engagement opportunities open (their times are on
the grid already), and at the first grid time after a channel or rounds free up (an intercept, a
reload). After an intercept that did not kill, the threat is assessed for ``look`` [s] before it
may be engaged again, and C2 looks at it again at the first grid time after that. A weapon that
starts with no rounds loaded and rounds in its magazine starts reloading at time 0.

A carrier shot down releases nothing more: the weapons it carries whose release time is later than
its kill are cancelled (never launched, no event, no count).

Kill draws are common random numbers per threat: each threat has one uniform number L (its
"luck", from its own stream) and the product S of the miss probabilities of the intercepts it has
met so far; an intercept with kill probability p kills it when L >= S (1 - p). The chance of a kill
at each intercept, given that the threat survived the earlier ones, is p, as for independent
draws; and the same threat meeting more, or better, intercepts by the same time is killed no
later, so two defences compared on the same seed differ only by what they did.
"""

from __future__ import annotations

import math

import numpy as np

from airshield.c2 import Assigner, Candidates
from airshield.engine.candidates import CandidateBuilder
from airshield.engine.damage import damage_events
from airshield.engine.defence import DefenceState
from airshield.engine.draws import ThreatDraws
from airshield.engine.eventlog import EventLogBuilder
from airshield.engine.flight import Flights
from airshield.engine.intercept import Pairs, intercept_time
from airshield.engine.scheduler import DECIDE, END, INTERCEPT, RELOAD, EventQueue
from airshield.engine.streams import ThreatStreams
from airshield.engine.threat_state import ThreatState
from airshield.engine.unopposed import EW_LOSS, FAILURE, RETURNED, Fates
from airshield.world import World

FATE_KIND = {FAILURE: "failure", EW_LOSS: "ew_loss", RETURNED: "returned"}

class RaidLoop:
    """One replication's fire control, advanced event by event."""

    def __init__(self, world: World, draws: ThreatDraws, flights: Flights, fates: Fates, pairs: Pairs,
                 assigner: Assigner, streams: ThreatStreams, log: EventLogBuilder):
        self.world, self.draws, self.flights, self.fates, self.pairs = world, draws, flights, fates, pairs
        self.assigner, self.streams, self.log = assigner, streams, log
        self.settings = world.run.engine
        self.threats = ThreatState.start(draws.n, len(pairs.threat))
        self.defence = DefenceState.start(world)
        self.builder = CandidateBuilder(world, draws, flights, pairs, world.doctrine.value_per_musd > 0,
                                        self.settings.evaluation_period)
        self.end_xyz = flights.position(np.arange(draws.n), fates.end_time)
        self.remaining = world.assets.value.astype(float).copy()
        self.queue = EventQueue()
        self.luck = streams.uniform("kill", np.arange(draws.n))
        self.carrier = world.threat_types.carrier[draws.type_index]
        self.decisions: set[float] = set()

    @property
    def ended_at(self) -> np.ndarray:
        """When each threat ended [s] (inf if still flying, -inf if never launched)."""
        return self.threats.ended_at

    @property
    def cancelled(self) -> np.ndarray:
        """Weapons never launched: their carrier was shot down before releasing them."""
        return self.threats.cancelled

    def run(self, horizon: float) -> None:
        """Process events up to ``horizon`` [s]."""
        for j in range(self.draws.n):
            self.queue.push(self.fates.end_time[j], END, j)
        for t in np.unique(self.pairs.open):
            self._decide_at(float(t))
        for w in np.flatnonzero((self.defence.stock == 0) & (self.defence.magazine > 0)):
            self.defence.reloading[w] = True
            self.queue.push(float(self.world.units.reload[self.world.weapons.unit[w]]), RELOAD, int(w))
        handlers = {INTERCEPT: self._intercept, END: self._end, RELOAD: self._reload, DECIDE: self._decide}
        for time, priority, payload in self.queue.pop_until(horizon):
            handlers[priority](time, *payload)

    def _decide_at(self, time: float) -> None:
        """Schedule a C2 decision at the first grid time at or after ``time`` [s] (once per time)."""
        cycle = self.settings.c2_cycle
        time = math.ceil(time / cycle) * cycle if cycle > 0 else time
        if time not in self.decisions:
            self.decisions.add(time)
            self.queue.push(time, DECIDE)

    def _end(self, time: float, j: int) -> None:
        if not self.threats.alive[j]:
            return
        self.threats.alive[j] = False
        self.threats.ended_at[j] = time
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
        self.defence.release(unit)
        self.threats.in_flight[j] -= 1
        if self.threats.alive[j]:
            self.threats.survival[j] *= 1.0 - p_kill
            kill = bool(self.luck[j] >= self.threats.survival[j])
            self.log.add(time, "kill" if kill else "miss", threat=j, unit=unit, weapon=w, xyz=xyz)
            self.threats.alive[j] = not kill
            if kill:
                self.threats.ended_at[j] = time
                if self.carrier[j]:
                    self.threats.cancel(np.flatnonzero((self.draws.parent == j) & (self.draws.launch_time > time)))
            else:
                self.threats.look_until[j] = time + self.settings.look
                self._decide_at(time + self.settings.look)
        self._decide_at(time)

    def _reload(self, time: float, w: int) -> None:
        rounds = self.defence.reload(w)
        self.log.add(time, "reload", unit=int(self.world.weapons.unit[w]), weapon=w, rounds=rounds)
        self._decide_at(time)

    def _decide(self, time: float) -> None:
        self.decisions.discard(time)
        built = self.builder.build(time, self.threats, self.defence, self.assigner.concurrent)
        if built is None:
            return
        candidates, offered, rounds = built
        chosen = self.assigner.assign(candidates, self.defence.free_channels())
        if not len(chosen):
            return
        act = offered[chosen]
        meet = intercept_time(self.world, self.flights, candidates.threat[chosen], candidates.weapon[chosen],
                              time, self.pairs.meet_by[act])
        threats = candidates.threat[chosen]
        here = self.flights.position(threats, np.full(len(chosen), time))
        there = self.flights.position(threats, meet)
        kill = self.builder.true_kill(act, rounds[chosen])
        for k, row in enumerate(chosen):
            self._fire(time, candidates, int(row), int(act[k]), int(rounds[row]), float(meet[k]), float(kill[k]),
                       tuple(here[k]), tuple(there[k]))

    def _fire(self, time: float, candidates: Candidates, row: int, pair: int, rounds: int, meet: float,
              p_kill: float, xyz: tuple[float, float, float], meet_xyz: tuple[float, float, float]) -> None:
        j, w = int(candidates.threat[row]), int(candidates.weapon[row])
        unit = int(candidates.unit[row])
        if not self.defence.can_fire(w, unit, rounds):
            return
        reload = self.defence.fire(w, unit, rounds)
        self.threats.in_flight[j] += 1
        self.threats.used[pair] = True
        self.log.add(time, "engage", threat=j, unit=unit, weapon=w, rounds=rounds,
                     cost=float(candidates.cost[row]), xyz=xyz)
        self.queue.push(meet, INTERCEPT, j, w, p_kill, meet_xyz)
        if reload:
            self.queue.push(time + float(self.world.units.reload[unit]), RELOAD, w)
