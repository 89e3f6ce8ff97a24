"""Column tables of the compiled world (one numpy array per attribute, one row per entity).

Positions are local metric coordinates [m] (x east, y north) of the scenario's projection.
Per-class arrays have one column per entry of ``airshield.vocabulary.THREAT_CLASSES``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from airshield.geo import LocalProjection
from airshield.vocabulary import SENSOR_KINDS
from airshield.world.settings import RunSpec


@dataclass(frozen=True)
class AssetTable:
    """Defended assets: ``x, y`` [m], ``value`` [value points], ``radius`` [m]."""

    name: tuple[str, ...]
    x: np.ndarray
    y: np.ndarray
    value: np.ndarray
    radius: np.ndarray


@dataclass(frozen=True)
class SensorTable:
    """Sensors as columns (in a World: scenario sensors first, then each fire unit's own radar).

    ``kind`` codes of :data:`airshield.vocabulary.SENSOR_KINDS`; ``x, y`` position [m]; ``z``
    antenna height [m]; ``range`` detection range against ``reference_rcs`` [m], [m^2];
    ``min_alt``/``max_alt`` [m]; ``max_speed`` [m/s]; ``min_elevation`` [rad]; ``scan_period``
    [s]; ``p_detect`` per scan at ``range`` against ``reference_rcs`` [-]; ``range_sigma`` [m];
    ``azimuth_sigma``/``elevation_sigma`` [rad]; ``sees_class`` (n, classes) bool.
    """

    name: tuple[str, ...]
    type_key: tuple[str, ...]
    kind: np.ndarray
    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    range: np.ndarray
    reference_rcs: np.ndarray
    min_alt: np.ndarray
    max_alt: np.ndarray
    max_speed: np.ndarray
    min_elevation: np.ndarray
    scan_period: np.ndarray
    p_detect: np.ndarray
    range_sigma: np.ndarray
    azimuth_sigma: np.ndarray
    elevation_sigma: np.ndarray
    sees_class: np.ndarray

    @property
    def n(self) -> int:
        """Number of sensors [-]."""
        return len(self.x)

    @property
    def kind_name(self) -> tuple[str, ...]:
        """Each sensor's kind as a word (radar, acoustic, observer)."""
        return tuple(SENSOR_KINDS[int(k)] for k in self.kind)

    def subset(self, rows) -> "SensorTable":
        """The sensors at ``rows`` (indices or mask)."""
        idx = np.asarray(rows)
        values = {f: (tuple(np.asarray(getattr(self, f), dtype=object)[idx]) if f in ("name", "type_key")
                      else getattr(self, f)[idx]) for f in self.__dataclass_fields__}
        return SensorTable(**values)


@dataclass(frozen=True)
class UnitTable:
    """Fire units: ``reaction`` and ``reload`` [s]; ``own_sensor`` row in SensorTable or -1;
    ``known`` whether the attacker knows where it is (its carriers keep out of its envelope)."""

    name: tuple[str, ...]
    type_key: tuple[str, ...]
    x: np.ndarray
    y: np.ndarray
    fire_channels: np.ndarray
    reaction: np.ndarray
    reload: np.ndarray
    linked: np.ndarray
    own_sensor: np.ndarray
    system_cost: np.ndarray
    known: np.ndarray


@dataclass(frozen=True)
class WeaponTable:
    """One row per (fire unit, munition) with rounds: envelope [m], speeds [m/s], cost [USD].

    ``pk`` (n, classes) single-shot kill probability (0 where it cannot engage);
    ``allowed`` (n, classes) after the doctrine's reserve rules; ``stock`` loaded rounds;
    ``magazine`` rounds for reloading; ``load`` rounds one reload puts on the launchers.
    """

    unit: np.ndarray
    munition: tuple[str, ...]
    range_min: np.ndarray
    range_max: np.ndarray
    alt_min: np.ndarray
    alt_max: np.ndarray
    max_target_speed: np.ndarray
    speed: np.ndarray
    cost: np.ndarray
    pk: np.ndarray
    allowed: np.ndarray
    stock: np.ndarray
    magazine: np.ndarray
    load: np.ndarray


@dataclass(frozen=True)
class EwTable:
    """EW zones: centre ``x, y`` [m], ``radius`` [m], ``p_loss`` (n, classes) [-]."""

    name: tuple[str, ...]
    x: np.ndarray
    y: np.ndarray
    radius: np.ndarray
    p_loss: np.ndarray


@dataclass(frozen=True)
class ThreatTypeTable:
    """The threat types the raid uses, SI units (see ``airshield.catalogue.ThreatType``).

    ``class_index`` is the true class (physics: detection, kill, EW, damage); the ``perceived_*``
    columns are what the defence's C2 takes a threat of this type to be: a decoy is perceived as
    the drones it imitates (their class, mean lethal radius [m] and mean unit cost [USD]).
    ``arc`` flies an arc (ballistic, aeroballistic, or a glide from its release altitude);
    ``air_launched`` is released at altitude when no carrier brings it; ``carrier`` is an aircraft
    that releases other threats and flies home; ``harmless`` carries no warhead.
    """

    key: tuple[str, ...]
    class_index: np.ndarray
    perceived_class: np.ndarray
    speed: np.ndarray
    altitude: np.ndarray
    altitude_spread: np.ndarray
    range: np.ndarray
    rcs: np.ndarray
    failure_rate: np.ndarray
    cep: np.ndarray
    lethal_radius: np.ndarray
    perceived_lethal_radius: np.ndarray
    unit_cost: np.ndarray
    perceived_cost: np.ndarray
    ew_susceptible: np.ndarray
    arc: np.ndarray
    air_launched: np.ndarray
    carrier: np.ndarray
    harmless: np.ndarray


@dataclass(frozen=True)
class CarrierTable:
    """Per wave, the aircraft that bring its weapons: ``type_index`` row in the ThreatTypeTable
    (-1: the wave is launched from the ground, the other columns are then unused); ``base_x,
    base_y`` [m]; ``per_sortie`` weapons per aircraft [-]; ``release_min``, ``release_max`` planned
    release distance from the target [m]; ``release_alt`` [m]; ``standoff`` kept outside the
    envelopes of known fire units [m]."""

    type_index: np.ndarray
    base_x: np.ndarray
    base_y: np.ndarray
    per_sortie: np.ndarray
    release_min: np.ndarray
    release_max: np.ndarray
    release_alt: np.ndarray
    standoff: np.ndarray


@dataclass(frozen=True)
class WaveTable:
    """Raid waves: launch centre ``x, y`` and ``spread`` [m]; ``start``, ``duration`` [s];
    ``targets`` asset rows per wave; ``choice`` value|uniform|nearest; ``dogleg`` bool;
    ``carriers`` the aircraft that bring each wave's weapons (see :class:`CarrierTable`)."""

    name: tuple[str, ...]
    type_index: np.ndarray
    count: np.ndarray
    x: np.ndarray
    y: np.ndarray
    spread: np.ndarray
    start: np.ndarray
    duration: np.ndarray
    targets: tuple[np.ndarray, ...]
    choice: tuple[str, ...]
    dogleg: np.ndarray
    carriers: CarrierTable

    @property
    def sorties(self) -> np.ndarray:
        """Carrier aircraft per wave: ceil(count / per_sortie), 0 for ground-launched waves [-]."""
        carried = self.carriers.type_index >= 0
        per = np.where(carried, self.carriers.per_sortie, 1)
        return np.where(carried, -(-self.count // per), 0)


@dataclass(frozen=True)
class DoctrineTable:
    """Firing doctrine per threat class: ``salvo`` [rounds], ``priority`` [-]; the assignment
    ``policy``; ``value_per_musd`` [value points per million USD]; ``decoy_belief`` [-]."""

    salvo: np.ndarray
    shoot_look_shoot: bool
    priority: np.ndarray
    max_cost_ratio: float
    policy: str = "greedy"
    value_per_musd: float = 0.0
    decoy_belief: float = 0.0


@dataclass(frozen=True)
class World:
    """Everything one replication needs, compiled once per scenario; read-only.

    The engine, sensing and tracking read these tables and ``run`` and nothing else. ``name``,
    ``description`` and ``document`` (the resolved scenario, every field with its value) say what
    the World was compiled from, for storing and reporting a run.
    """

    name: str
    description: str
    document: Mapping[str, Any]
    projection: LocalProjection
    assets: AssetTable
    sensors: SensorTable
    units: UnitTable
    weapons: WeaponTable
    ew: EwTable
    threat_types: ThreatTypeTable
    waves: WaveTable
    doctrine: DoctrineTable
    run: RunSpec
    linked: bool

    @property
    def horizon(self) -> float:
        """The simulation stops this long after the raid starts [s]."""
        return self.run.horizon

    @property
    def threat_count(self) -> int:
        """Threats of the raid, carrier aircraft included [-]."""
        return int(self.waves.count.sum() + self.waves.sorties.sum())
