"""One replication: draws -> flights -> unopposed fates -> sight -> engagement pairs -> event loop
-> EventLog.

Threats launched after the run's horizon are not part of the replication (no event, no count);
threats still flying at the horizon end with an ``in_flight`` event there, so that
launched = destroyed + ew_lost + failed + leaked + in_flight always.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from airshield.c2 import Assigner, make_assigner
from airshield.engine.compiled import compiled_available, run_compiled
from airshield.engine.draws import ThreatDraws, draw_threats
from airshield.engine.eventlog import EventLogBuilder
from airshield.engine.flight import Flights, build_flights
from airshield.engine.intercept import Pairs, engagement_pairs
from airshield.engine.loop import RaidLoop
from airshield.engine.sight import Sight, observe
from airshield.engine.streams import ThreatStreams
from airshield.engine.tracked_sight import tracked_sight
from airshield.engine.unopposed import Fates, unopposed_fates
from airshield.world import World


@dataclass(frozen=True)
class ReplicationGeometry:
    """Everything a replication fixes before the first shot: the threats' random streams, the
    threats, their flights, unopposed fates, what is seen, and the engagement opportunities."""

    streams: ThreatStreams
    draws: ThreatDraws
    flights: Flights
    fates: Fates
    sight: Sight
    pairs: Pairs
    track_events: pd.DataFrame | None = None


def replication_geometry(world: World, seed: np.random.SeedSequence | int) -> ReplicationGeometry:
    """The geometry stage of one replication (its random draws come first, in a fixed order)."""
    settings = world.run.engine
    streams = ThreatStreams.of(seed)
    draws = draw_threats(world, streams, settings.min_altitude)
    flights = build_flights(world, draws, streams, settings)
    fates = unopposed_fates(world, draws, flights, streams)
    sight = observe(world, draws, flights, streams, settings.coast)
    track_events = None
    if world.run.tracking == "sensors":
        # the threats' draws above are shared by both modes (common random numbers); the plots
        # and false alarms of the sensor mode come from the replication's own generator
        sight, track_events = tracked_sight(world, draws, flights, fates, np.random.default_rng(seed))
    pairs = engagement_pairs(world, draws, flights, sight, settings.c2_cycle)
    return ReplicationGeometry(streams, draws, flights, fates, sight, pairs, track_events)


def run_replication(world: World, seed: np.random.SeedSequence | int, *,
                    assigner: Assigner | None = None) -> pd.DataFrame:
    """The EventLog of one replication of ``world`` with its own random generator."""
    geometry = replication_geometry(world, seed)
    return run_engagements(world, geometry, assigner)


def run_engagements(world: World, geometry: ReplicationGeometry, assigner: Assigner | None = None) -> pd.DataFrame:
    """The event loop stage: fire control from the geometry to the EventLog."""
    draws, flights, fates, sight, pairs = (geometry.draws, geometry.flights, geometry.fates, geometry.sight,
                                           geometry.pairs)
    horizon = world.horizon
    log = EventLogBuilder()
    launched = np.flatnonzero(draws.launch_time <= horizon)
    log.add_many("launch", draws.launch_time[launched], launched,
                 flights.position(launched, draws.launch_time[launched]))
    # a threat that failed, was lost to EW or hit before any sensor held it is never detected
    seen = np.flatnonzero((sight.first_seen <= fates.end_time) & (sight.first_seen <= horizon))
    if len(seen):
        log.add_many("detect", sight.first_seen[seen], seen, flights.position(seen, sight.first_seen[seen]))
    assigner = assigner or make_assigner(world.doctrine.policy, world.doctrine.value_per_musd)
    if world.run.engine.loop == "auto" and compiled_available(assigner, world.run.engine.c2_cycle):
        ended_at = run_compiled(world, draws, flights, fates, pairs, assigner, geometry.streams, log)
    else:
        loop = RaidLoop(world, draws, flights, fates, pairs, assigner, geometry.streams, log)
        loop.run(horizon)
        ended_at = loop.ended_at
    end = np.minimum(ended_at, horizon)
    flying = launched[np.isinf(ended_at[launched])]
    if len(flying):
        log.add_many("in_flight", np.full(len(flying), horizon), flying,
                     flights.position(flying, np.full(len(flying), horizon)))
    _add_waypoints(log, flights, end)
    if geometry.track_events is not None:
        _add_track_events(log, geometry.track_events, end, world.horizon)
    return attach_labels(world, draws, log.freeze())


def _add_waypoints(log: EventLogBuilder, flights: Flights, end: np.ndarray) -> None:
    """Each threat's interior route vertices passed before its end [s] (the replay's true path)."""
    for rows, traj in flights.groups:
        t = traj.t[:, 1:-1]
        fresh = np.diff(traj.t[:, :-1], axis=1) > 0  # skip the repeated vertices of padded segments
        passed = fresh & (t < end[rows][:, None])
        r, k = np.nonzero(passed)
        if len(r):
            xyz = np.column_stack([traj.x[r, k + 1], traj.y[r, k + 1], traj.z[r, k + 1]])
            log.add_many("waypoint", t[r, k], rows[r], xyz)


def _add_track_events(log: EventLogBuilder, events: pd.DataFrame, end: np.ndarray, horizon: float) -> None:
    """Track events of sensor mode, up to each threat's end (kill, EW loss, failure, impact)."""
    threat, time = events["threat"].to_numpy(), events["time"].to_numpy()
    keep = (time <= end[threat]) & (time <= horizon)
    xyz = events[["x", "y", "z"]].to_numpy()
    for kind in ("track_confirm", "track_lost"):
        rows = keep & (events["kind"].to_numpy() == kind)
        log.add_many(kind, time[rows], threat[rows], xyz[rows])


def attach_labels(world: World, draws, table: pd.DataFrame) -> pd.DataFrame:
    """Add readable columns: threat type, wave, target asset, unit and munition names."""
    threat = table["threat"].to_numpy()
    valid = threat >= 0
    types = np.array(world.threat_types.key, dtype=object)
    table["threat_type"] = np.where(valid, types[draws.type_index[np.maximum(threat, 0)]], "")
    table["wave"] = np.where(valid, draws.wave[np.maximum(threat, 0)], -1)
    unit_names = np.array(world.units.name + ("",), dtype=object)
    table["unit_name"] = unit_names[table["unit"].to_numpy()]
    munitions = np.array(world.weapons.munition + ("",), dtype=object)
    table["munition"] = munitions[table["weapon"].to_numpy()]
    return table
