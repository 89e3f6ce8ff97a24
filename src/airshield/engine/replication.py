"""One replication: draws -> flights -> fates -> sight -> engagement pairs -> event loop -> EventLog."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from airshield.c2 import Assigner, make_assigner
from airshield.engine.draws import ThreatDraws, draw_threats
from airshield.engine.eventlog import EventLogBuilder
from airshield.engine.fates import Fates, unopposed_fates
from airshield.engine.flight import Flights, build_flights
from airshield.engine.loop import RaidLoop
from airshield.engine.pairs import Pairs, engagement_pairs
from airshield.engine.settings import EngineSettings
from airshield.engine.sight import Sight, observe
from airshield.world import World


@dataclass(frozen=True)
class ReplicationGeometry:
    """Everything a replication fixes before the first shot: the generator (positioned after the
    geometry's draws), the threats, their flights, unopposed fates, what is seen, and the
    engagement opportunities."""

    rng: np.random.Generator
    draws: ThreatDraws
    flights: Flights
    fates: Fates
    sight: Sight
    pairs: Pairs
    track_events: pd.DataFrame | None = None


def replication_geometry(world: World, seed: np.random.SeedSequence | int,
                         settings: EngineSettings | None = None) -> ReplicationGeometry:
    """The geometry stage of one replication (its random draws come first, in a fixed order)."""
    settings = settings or EngineSettings()
    rng = np.random.default_rng(seed)
    draws = draw_threats(world, rng, settings.min_altitude)
    flights = build_flights(world, draws, rng, settings)
    fates = unopposed_fates(world, draws, flights, rng)
    sight = observe(world, draws, flights, rng, settings.coast)
    track_events = None
    if world.scenario.run.tracking == "sensors":
        # the ideal windows' draws above are kept (common random numbers: the generator is in the
        # same state after the geometry in both modes); the sensors draw from a jumped copy
        from airshield.tracking.engine_hook import tracked_sight
        sensing = np.random.Generator(rng.bit_generator.jumped())
        sight, track_events = tracked_sight(world, draws, flights, fates, sensing)
    pairs = engagement_pairs(world, draws, flights, sight, settings.c2_cycle)
    return ReplicationGeometry(rng, draws, flights, fates, sight, pairs, track_events)


def run_replication(world: World, seed: np.random.SeedSequence | int, *, assigner: Assigner | None = None,
                    settings: EngineSettings | None = None) -> pd.DataFrame:
    """The EventLog of one replication of ``world`` with its own random generator."""
    geometry = replication_geometry(world, seed, settings)
    return run_engagements(world, geometry, assigner, settings)


def run_engagements(world: World, geometry: ReplicationGeometry, assigner: Assigner | None = None,
                    settings: EngineSettings | None = None) -> pd.DataFrame:
    """The event loop stage: fire control from the geometry to the EventLog."""
    settings = settings or EngineSettings()
    rng, draws, flights, fates, sight, pairs = (geometry.rng, geometry.draws, geometry.flights, geometry.fates,
                                                geometry.sight, geometry.pairs)
    log = EventLogBuilder()
    launch_xyz = np.column_stack([draws.launch_xy, np.zeros(draws.n)])
    log.add_many("launch", draws.launch_time, np.arange(draws.n), launch_xyz)
    # a threat that failed, was lost to EW or hit before any sensor held it is never detected
    seen = np.flatnonzero(sight.first_seen <= fates.end_time)
    if len(seen):
        log.add_many("detect", sight.first_seen[seen], seen, flights.position(seen, sight.first_seen[seen]))
    assigner = assigner or make_assigner(world.doctrine.policy, world.doctrine.value_per_musd)
    loop = RaidLoop(world, draws, flights, fates, pairs, assigner, rng, log, settings.evaluation_period)
    loop.run(world.horizon)
    end = np.minimum(loop.ended_at, world.horizon)
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
