"""The draws of carrier sorties: when each aircraft takes off, where it releases, and when.

A wave with a carrier flies ceil(count / per_sortie) sorties; weapon k of the wave rides sortie
k // per_sortie. Each sortie (with its own threat number, after every weapon of the raid, so its
numbers come from its own streams):

- takes off from the base at a time uniform in the wave's window;
- aims at one of the wave's targets (by the wave's rule, among all of them) and draws a point of
  the launch area (uniform in its disk); its planned release point lies on the line from the
  target through that point, at that point's distance from the target clipped to the loadout's
  release range [min, max] (a cruise-missile carrier releases in the launch area; a glide-bomb
  carrier at its release range from the target, coming from the launch area's side);
- keeps out of the envelope of every fire unit known to the attacker that can engage aircraft,
  plus the raid's standoff: the release point moves back along the same line until it is outside
  all of them (the way there is not checked);
- flies there at its speed (:func:`airshield.kinematics.build_sorties`), releases its weapons,
  and flies back. Its weapons start at the release point and time, at the release altitude.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.engine.streams import ThreatStreams
from airshield.kinematics import RELEASE_VERTEX, build_sorties
from airshield.vocabulary import CARRIER, class_index
from airshield.world import World


@dataclass(frozen=True)
class Sorties:
    """One row per carrier sortie: ``wave``, carrier ``type_index``, ``takeoff`` [s], ``base_xy``,
    ``release_xy`` [m], ``release_time`` [s], ``target`` asset, ``altitude`` cruise and
    ``release_alt`` [m]; ``of_weapon`` (n_weapons,) the sortie of each weapon row (-1: none)."""

    wave: np.ndarray
    type_index: np.ndarray
    takeoff: np.ndarray
    base_xy: np.ndarray
    release_xy: np.ndarray
    release_time: np.ndarray
    target: np.ndarray
    altitude: np.ndarray
    release_alt: np.ndarray
    of_weapon: np.ndarray

    @property
    def n(self) -> int:
        """Number of sorties [-]."""
        return len(self.wave)


def sortie_waves(world: World, weapon_wave: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The wave of each sortie, and the sortie row of each weapon (-1 for ground-launched ones)."""
    waves = world.waves
    sorties = waves.sorties
    first = np.concatenate([[0], np.cumsum(sorties)[:-1]]).astype(int)
    wave_of = np.repeat(np.arange(len(sorties)), sorties)
    rank = np.arange(len(weapon_wave)) - np.concatenate([[0], np.cumsum(waves.count)[:-1]])[weapon_wave]
    per = np.maximum(waves.carriers.per_sortie[weapon_wave], 1)
    carried = waves.carriers.type_index[weapon_wave] >= 0
    return wave_of, np.where(carried, first[weapon_wave] + rank // per, -1)


def draw_sorties(world: World, streams: ThreatStreams, weapon_wave: np.ndarray, targets_of,
                 disk, min_altitude: float) -> Sorties:
    """Every sortie of the raid; its threat numbers follow the ``len(weapon_wave)`` weapons.
    ``targets_of(wave, point, reach, u)`` picks targets, ``disk(j, radius, purposes)`` points."""
    waves, carriers, types = world.waves, world.waves.carriers, world.threat_types
    wave, of_weapon = sortie_waves(world, weapon_wave)
    j = len(weapon_wave) + np.arange(len(wave))
    kind = carriers.type_index[wave]
    takeoff = waves.start[wave] + streams.uniform("launch_time", j) * waves.duration[wave]
    base = np.column_stack([carriers.base_x[wave], carriers.base_y[wave]])
    area = np.column_stack([waves.x[wave], waves.y[wave]]) + disk(j, waves.spread[wave],
                                                                  ("launch_radius", "launch_angle"))
    target = targets_of(wave, area, np.full(len(wave), np.inf), streams.uniform("target", j))
    aim = np.column_stack([world.assets.x[target], world.assets.y[target]])
    release = release_points(world, aim, area, carriers.release_min[wave], carriers.release_max[wave],
                             carriers.standoff[wave])
    altitude = np.maximum(types.altitude[kind] + streams.normal("altitude", j) * types.altitude_spread[kind],
                          min_altitude)
    release_alt = carriers.release_alt[wave]
    flights = build_sorties(base, release, takeoff, types.speed[kind], altitude, release_alt)
    return Sorties(wave, kind, takeoff, base, release, flights.t[:, RELEASE_VERTEX], target, altitude,
                   release_alt, of_weapon)


def release_points(world: World, aim: np.ndarray, area: np.ndarray, near: np.ndarray, far: np.ndarray,
                   standoff: np.ndarray) -> np.ndarray:
    """Release points (n,2) [m]: on the line from ``aim`` through ``area``, at the distance of
    ``area`` clipped to [near, far], moved back out of the known envelopes plus ``standoff``."""
    away, length = _rays(aim, area)
    planned = aim + away * np.clip(length, near, far)[:, None]
    centres, radius = known_covers(world)
    return push_out(aim, planned, centres, radius[None, :] + standoff[:, None])


def push_out(aim: np.ndarray, point: np.ndarray, centres: np.ndarray, radius: np.ndarray) -> np.ndarray:
    """``point`` (n,2) [m] moved away from ``aim`` along their line until it is outside every
    circle (``centres`` (k,2), ``radius`` (n,k) or (k,) [m])."""
    away, distance = _rays(aim, point)
    radius = np.broadcast_to(radius, (len(point), len(centres)))
    for _ in range(len(centres)):  # each pass leaves at least one more circle behind for good
        for k, c in enumerate(centres):
            distance = _outside(aim, away, distance, c, radius[:, k])
    return aim + away * distance[:, None]


def _rays(aim: np.ndarray, point: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Unit directions (n,2) from ``aim`` to ``point`` (east when they coincide) and distances (n,) [m]."""
    offset = point - aim
    length = np.hypot(offset[:, 0], offset[:, 1])
    away = np.where(length[:, None] > 0, offset / np.where(length > 0, length, 1.0)[:, None], [1.0, 0.0])
    return away, length


def _outside(aim: np.ndarray, away: np.ndarray, distance: np.ndarray, centre: np.ndarray,
             radius: np.ndarray) -> np.ndarray:
    """``distance`` [m] along the rays aim + d * away, moved to the far edge of the circle
    (``centre``, ``radius`` [m]) where it falls inside."""
    rel = aim - centre
    b = away[:, 0] * rel[:, 0] + away[:, 1] * rel[:, 1]
    q = rel[:, 0] ** 2 + rel[:, 1] ** 2 - radius ** 2
    disc = b * b - q
    root = np.sqrt(np.maximum(disc, 0.0))
    near, far = -b - root, -b + root
    inside = (disc > 0) & (distance > near) & (distance < far)
    return np.where(inside, far, distance)


def known_covers(world: World) -> tuple[np.ndarray, np.ndarray]:
    """Centres (k,2) [m] and ground radii (k,) [m] of the envelopes the attacker keeps out of: the
    longest reach of each fire unit known to it with a munition that can engage aircraft."""
    units, reach = world.units, aircraft_reach(world)
    rows = np.flatnonzero(units.known & (reach > 0))
    return np.column_stack([units.x[rows], units.y[rows]]), reach[rows]


def aircraft_reach(world: World) -> np.ndarray:
    """Per fire unit, the longest ground reach [m] of its munitions that can engage aircraft (0: none)."""
    weapons = world.weapons
    able = weapons.allowed[:, class_index(CARRIER)]
    reach = np.zeros(len(world.units.name))
    np.maximum.at(reach, weapons.unit[able], weapons.range_max[able])
    return reach
