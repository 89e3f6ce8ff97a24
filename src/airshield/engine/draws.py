"""The random draws of one replication that fix each threat's launch, aim and altitude.

Every number comes from the threat's own streams (:mod:`.streams`), so a seed gives the same raid
on any machine, in any worker, and whatever the defence.

A threat aims only at targets of its wave within its type's range of its own launch point (an
attacker does not send a drone where it cannot fly); when none is, it aims at the nearest and falls
short on the way (:mod:`.unopposed`).

Carrier aircraft (:mod:`.sorties`) are threats too, numbered after every weapon of the raid (so the
weapons' numbers, and every existing raid's draws, are as without them). A weapon a carrier brings
is launched at its sortie's release point and time (not at a draw of its own) and has its sortie
as ``parent``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.engine.sorties import Sorties, draw_sorties
from airshield.engine.streams import ThreatStreams
from airshield.world import World

CEP_TO_SIGMA = 1.0 / 1.1774  # circular error probable -> per-axis normal sigma [-]


@dataclass(frozen=True)
class ThreatDraws:
    """One row per threat: wave, type, true and perceived class, launch time [s] and point [m],
    target asset, impact point [m], cruise altitude [m], and the failure draws [-].

    Carriers and what they bring: ``parent`` the carrier row of a weapon (-1: launched from the
    ground or a carrier itself); ``release_time`` [s] when a carrier releases its weapons (a
    weapon's: its launch time; NaN otherwise); ``release_xy`` [m] a carrier's release point (NaN
    otherwise); ``release_altitude`` [m] a carrier's altitude at release and where its weapons
    start (NaN otherwise). A carrier's launch and impact points are its base."""

    wave: np.ndarray
    type_index: np.ndarray
    class_index: np.ndarray
    perceived_class: np.ndarray
    launch_time: np.ndarray
    launch_xy: np.ndarray
    target: np.ndarray
    impact_xy: np.ndarray
    altitude: np.ndarray
    fail_draw: np.ndarray
    fail_fraction: np.ndarray
    parent: np.ndarray
    release_time: np.ndarray
    release_xy: np.ndarray
    release_altitude: np.ndarray

    @property
    def n(self) -> int:
        """Number of threats [-]."""
        return len(self.wave)


def draw_threats(world: World, streams: ThreatStreams, min_altitude: float) -> ThreatDraws:
    """Sample every threat of the raid: launch time and point, target, aim, altitude, failure;
    then the carriers' sorties, which fix the launch of the weapons they bring."""
    waves, types = world.waves, world.threat_types
    wave = np.repeat(np.arange(len(waves.name)), waves.count)
    n = len(wave)
    j = np.arange(n)
    type_index = waves.type_index[wave]
    launch_time = waves.start[wave] + streams.uniform("launch_time", j) * waves.duration[wave]
    launch_xy = np.column_stack([waves.x[wave], waves.y[wave]]) + _disk(
        streams, j, waves.spread[wave], ("launch_radius", "launch_angle"))
    sorties = draw_sorties(world, streams, wave, lambda w, xy, reach, u: _targets(world, w, xy, reach, u),
                           lambda k, radius, purposes: _disk(streams, k, radius, purposes), min_altitude)
    carried = sorties.of_weapon >= 0
    launch_time = np.where(carried, _of_sortie(sorties.release_time, sorties.of_weapon), launch_time)
    launch_xy = np.where(carried[:, None], _of_sortie(sorties.release_xy, sorties.of_weapon), launch_xy)
    target = _targets(world, wave, launch_xy, types.range[type_index], streams.uniform("target", j))
    aim = np.column_stack([world.assets.x[target], world.assets.y[target]])
    aim += _disk(streams, j, 0.5 * world.assets.radius[target], ("aim_radius", "aim_angle"))
    sigma = types.cep[type_index] * CEP_TO_SIGMA
    impact_xy = aim + np.column_stack([streams.normal("miss_x", j), streams.normal("miss_y", j)]) * sigma[:, None]
    altitude = types.altitude[type_index] + streams.normal("altitude", j) * types.altitude_spread[type_index]
    altitude = np.maximum(altitude, min_altitude)
    weapons = ThreatDraws(
        wave=wave, type_index=type_index, class_index=types.class_index[type_index],
        perceived_class=types.perceived_class[type_index], launch_time=launch_time, launch_xy=launch_xy,
        target=target, impact_xy=impact_xy, altitude=altitude, fail_draw=streams.uniform("failure", j),
        fail_fraction=streams.uniform("failure_when", j), parent=np.where(carried, n + sorties.of_weapon, -1),
        release_time=np.where(carried, launch_time, np.nan), release_xy=np.full((n, 2), np.nan),
        release_altitude=_of_sortie(sorties.release_alt, sorties.of_weapon))
    return _with_carriers(weapons, sorties, world, streams) if sorties.n else weapons


def _of_sortie(values: np.ndarray, of_weapon: np.ndarray) -> np.ndarray:
    """``values`` of each weapon's sortie, NaN for weapons launched from the ground."""
    out = np.full((len(of_weapon), *values.shape[1:]), np.nan)
    carried = of_weapon >= 0
    out[carried] = values[of_weapon[carried]]
    return out


def _with_carriers(weapons: ThreatDraws, sorties: Sorties, world: World, streams: ThreatStreams) -> ThreatDraws:
    """``weapons`` with one row per sortie appended (the carrier aircraft)."""
    types, k = world.threat_types, sorties.n
    j = weapons.n + np.arange(k)
    carriers = ThreatDraws(
        wave=sorties.wave, type_index=sorties.type_index, class_index=types.class_index[sorties.type_index],
        perceived_class=types.perceived_class[sorties.type_index], launch_time=sorties.takeoff,
        launch_xy=sorties.base_xy, target=sorties.target, impact_xy=sorties.base_xy, altitude=sorties.altitude,
        fail_draw=streams.uniform("failure", j), fail_fraction=streams.uniform("failure_when", j),
        parent=np.full(k, -1), release_time=sorties.release_time, release_xy=sorties.release_xy,
        release_altitude=sorties.release_alt)
    return ThreatDraws(**{f: np.concatenate([getattr(weapons, f), getattr(carriers, f)])
                          for f in ThreatDraws.__dataclass_fields__})


def _disk(streams: ThreatStreams, threats: np.ndarray, radius: np.ndarray, purposes: tuple[str, str]) -> np.ndarray:
    """Uniform points in disks of ``radius`` [m] about the origin, shape (n, 2) [m]."""
    r = radius * np.sqrt(streams.uniform(purposes[0], threats))
    theta = streams.uniform(purposes[1], threats) * 2.0 * np.pi
    return np.column_stack([r * np.cos(theta), r * np.sin(theta)])


def _targets(world: World, wave: np.ndarray, launch_xy: np.ndarray, reach: np.ndarray, u: np.ndarray) -> np.ndarray:
    """The asset each threat aims at, by its wave's target choice rule, among the wave's targets
    within ``reach`` [m] of the threat's launch point (the nearest when none is)."""
    assets = world.assets
    target = np.empty(len(wave), dtype=int)
    for w, (targets, choice) in enumerate(zip(world.waves.targets, world.waves.choice)):
        rows = np.flatnonzero(wave == w)
        d = np.hypot(assets.x[targets][None, :] - launch_xy[rows, :1],
                     assets.y[targets][None, :] - launch_xy[rows, 1:])
        reachable = d <= reach[rows, None]
        if choice == "nearest":
            target[rows] = targets[np.argmin(d, axis=1)]
            continue
        weight = assets.value[targets] if choice == "value" else np.ones(len(targets))
        weight = np.where(weight.sum() > 0, weight, 1.0)[None, :] * reachable
        none = weight.sum(axis=1) <= 0
        cumulative = np.cumsum(weight, axis=1) / np.where(none, 1.0, weight.sum(axis=1))[:, None]
        pick = np.minimum((cumulative <= u[rows, None]).sum(axis=1), len(targets) - 1)
        pick = np.where(none, np.argmin(d, axis=1), pick)
        target[rows] = targets[pick]
    return target
