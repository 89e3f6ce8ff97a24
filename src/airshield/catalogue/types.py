"""The catalogue's immutable type records; every attribute in SI units.

Built by :mod:`airshield.catalogue.load` from the field tables in
:mod:`airshield.catalogue.fields`. ``provenance`` maps a file key (e.g. ``speed_kmh``,
``pk.ballistic``) to ``"source: ..."``, ``"assumption: ..."`` or ``"scenario override"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from airshield.vocabulary import THREAT_CLASSES  # noqa: F401  (re-exported: the catalogue's classes)


@dataclass(frozen=True)
class ThreatType:
    """One kind of drone or missile; attributes in SI ([m], [m/s], [m^2])."""

    key: str
    name: str
    threat_class: str
    speed: float            # cruise or mean flight speed [m/s]
    cruise_altitude: float  # typical altitude on route, apogee for ballistic [m]
    altitude_spread: float  # std. dev. of altitude between threats [m]
    range: float            # maximum range [m]
    warhead_kg: float       # warhead mass [kg]
    unit_cost_usd: float    # cost of one [USD]
    rcs: float              # radar cross-section [m^2]
    failure_rate: float     # share failing on its own [0..1]
    cep: float              # circular error probable [m]
    lethal_radius: float    # radius of destruction around impact [m]
    route: str              # 'direct' or 'dogleg'
    ew_susceptible: bool    # satellite-navigated, can be made lost by EW
    imitates: str | None    # the threat type a decoy looks like to the defence, or None
    provenance: Mapping[str, str]
    weapons: tuple["Loadout", ...] = ()  # aircraft: the weapons it carries

    def loadout(self, weapon: str) -> "Loadout | None":
        """What this aircraft carries of threat type ``weapon``, or None."""
        return next((w for w in self.weapons if w.key == weapon), None)


@dataclass(frozen=True)
class Loadout:
    """What one aircraft carries of one weapon (a threat type ``key``) and where it releases it."""

    key: str
    per_sortie: int              # weapons released per sortie [-]
    release_range_min: float     # shortest planned release distance from the target [m]
    release_range_max: float     # longest planned release distance from the target [m]
    release_altitude: float      # altitude at release [m]
    provenance: Mapping[str, str]


@dataclass(frozen=True)
class Munition:
    """One interceptor or projectile type of an effector; SI attributes."""

    key: str
    name: str
    range_min: float         # [m]
    range_max: float         # [m]
    altitude_min: float      # [m]
    altitude_max: float      # [m]
    max_target_speed: float  # [m/s]
    speed: float             # mean interceptor / projectile speed [m/s]
    cost_per_shot_usd: float  # [USD]
    pk: Mapping[str, float]  # threat class -> single-shot kill probability [0..1]
    provenance: Mapping[str, str]

    def can_engage(self, threat_class: str) -> bool:
        """Whether this munition may be fired at threats of ``threat_class``."""
        return threat_class in self.pk

    def pk_against(self, threat_class: str) -> float:
        """Single-shot kill probability against ``threat_class`` [0..1]; 0 if not engageable."""
        return self.pk.get(threat_class, 0.0)


@dataclass(frozen=True)
class EffectorType:
    """One kind of air-defence unit (battery, gun, team, patrol); SI attributes."""

    key: str
    name: str
    kind: str
    fire_channels: int       # simultaneous engagements
    launchers: int
    rounds_per_launcher: int  # loaded rounds (or bursts) per launcher
    reload: float            # time to reload launchers from the magazine [s]
    reaction: float          # from engageable to first launch [s]
    radar: str | None        # key of its fire-control radar sensor, None = needs cueing
    system_cost_usd: float   # [USD]
    munitions: tuple[Munition, ...]
    provenance: Mapping[str, str]

    @property
    def capacity(self) -> int:
        """Loaded rounds (or engagements) of the unit, all munitions together."""
        return self.launchers * self.rounds_per_launcher

    def munition(self, key: str) -> Munition:
        """The munition ``key`` of this effector (KeyError if absent)."""
        for munition in self.munitions:
            if munition.key == key:
                return munition
        raise KeyError(key)


@dataclass(frozen=True)
class SensorType:
    """One kind of sensor (radar, acoustic node, observer post); SI attributes."""

    key: str
    name: str
    kind: str
    range: float             # detection range against reference_rcs [m]
    reference_rcs: float     # [m^2]
    antenna_height: float    # [m]
    min_altitude: float      # [m]
    max_altitude: float      # [m]
    max_target_speed: float  # [m/s]
    min_elevation: float     # [rad]
    scan_period: float       # [s]
    range_sigma: float       # [m]
    azimuth_sigma: float     # [rad]
    elevation_sigma: float   # [rad]
    p_detect: float          # per scan inside coverage [0..1]
    classes: tuple[str, ...]  # threat classes it can report
    provenance: Mapping[str, str]


@dataclass(frozen=True)
class EwType:
    """One kind of electronic-warfare (GNSS / comm jamming) system; SI attributes."""

    key: str
    name: str
    radius: float            # [m]
    p_loss: Mapping[str, float]  # class -> chance a susceptible threat crossing is lost
    system_cost_usd: float   # [USD]
    provenance: Mapping[str, str]
