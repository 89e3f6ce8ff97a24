"""What the compiled loop reads and writes, packed as numba-friendly named tuples of arrays."""

from __future__ import annotations

from collections import namedtuple

import numpy as np

from airshield.c2.evaluation import DRONE_LIKE_ROWS, SIGMA_DRONE, SIGMA_MISSILE
from airshield.engine.candidates import LOOK_S, CandidateBuilder
from airshield.vocabulary import THREAT_CLASSES

Tracks = namedtuple("Tracks", "t x y z offset points")
PairTable = namedtuple("PairTable", "threat weapon unit open close meet_by affordable cheap channels salvo round_cost pk pk_true")
Static = namedtuple("Static", "tr end_time fate end_xyz perceived lethal true_lethal harmless luck last_close "
                              "ax ay avalue aradius priority drone_like decoy_belief sigma_drone sigma_missile "
                              "evaluation_period second_chance_s shoot_look_shoot channels reload weapon_unit ux uy "
                              "weapon_speed carrier parent launch_time")
Mutable = namedtuple("Mutable", "alive ended_at in_flight look_until survival used stock magazine reload_size "
                                "reloading busy remaining weight evaluated active n_active cursor scratch is_target "
                                "cancelled")


def tracks(flights) -> Tracks:
    """Every threat's waypoints in flat arrays, in its group's layout."""
    n = flights.n
    points = np.zeros(n, dtype=np.int64)
    for rows, traj in flights.groups:
        points[rows] = traj.t.shape[1]
    offset = np.concatenate([[0], np.cumsum(points)[:-1]]).astype(np.int64)
    flat = {c: np.empty(int(points.sum())) for c in "txyz"}
    for rows, traj in flights.groups:
        index = offset[rows][:, None] + np.arange(traj.t.shape[1])[None, :]
        for c in "txyz":
            flat[c][index] = getattr(traj, c)
    return Tracks(flat["t"], flat["x"], flat["y"], flat["z"], offset, points)


def pair_table(builder: CandidateBuilder) -> PairTable:
    """The engagement opportunities with what C2 and the kill need of each."""
    pairs = builder.pairs
    return PairTable(pairs.threat.astype(np.int64), pairs.weapon.astype(np.int64), builder.pair_unit.astype(np.int64),
                     pairs.open, pairs.close, pairs.meet_by, builder.pair_affordable, builder.pair_cheap,
                     builder.pair_channels.astype(np.int64), builder.pair_salvo.astype(np.int64),
                     builder.pair_round_cost, builder.pair_pk, builder.pair_pk_true)


def static(world, draws, flights, fates, builder: CandidateBuilder, luck: np.ndarray, end_xyz: np.ndarray) -> Static:
    """The replication's fixed arrays: fates, perception, assets, doctrine and units."""
    types, assets, doctrine, units, weapons = (world.threat_types, world.assets, world.doctrine, world.units,
                                               world.weapons)
    drone_like = np.zeros(len(THREAT_CLASSES), dtype=np.bool_)
    drone_like[DRONE_LIKE_ROWS] = True
    return Static(tracks(flights), fates.end_time, fates.fate.astype(np.int64), end_xyz,
                  draws.perceived_class.astype(np.int64), types.perceived_lethal_radius[draws.type_index],
                  types.lethal_radius[draws.type_index], types.harmless[draws.type_index], luck, builder.last_close,
                  assets.x, assets.y, assets.value.astype(float), assets.radius, doctrine.priority, drone_like,
                  float(doctrine.decoy_belief), float(SIGMA_DRONE), float(SIGMA_MISSILE),
                  float(builder.evaluation_period), float(LOOK_S), bool(doctrine.shoot_look_shoot),
                  units.fire_channels.astype(np.int64), units.reload.astype(float), weapons.unit.astype(np.int64),
                  units.x, units.y, weapons.speed, types.carrier[draws.type_index],
                  draws.parent.astype(np.int64), draws.launch_time)


def mutable(world, n: int, pairs: int, defence) -> Mutable:
    """The loop's state at the start, sharing the defence's arrays."""
    return Mutable(np.ones(n, dtype=np.bool_), np.full(n, np.inf), np.zeros(n, dtype=np.int64), np.full(n, -np.inf),
                   np.ones(n), np.zeros(pairs, dtype=np.bool_), defence.stock.astype(np.int64),
                   defence.magazine.astype(np.int64), defence.reload_size.astype(np.int64),
                   np.zeros(len(defence.stock), dtype=np.bool_), np.zeros(len(world.units.name), dtype=np.int64),
                   world.assets.value.astype(float).copy(), np.zeros(n), np.full(n, -np.inf),
                   np.zeros(max(pairs, 1), dtype=np.int64), np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64),
                   np.zeros(n), np.zeros(n, dtype=np.bool_), np.zeros(n, dtype=np.bool_))
