"""The catalogue schema as data: one table of field specs per kind.

Validation (:mod:`.values`, :mod:`.flatten`), the reference docs (:mod:`.docs`) and the
CLI table (:mod:`.table`) read these tables and nothing else. ``minimum``/``maximum`` are
in file units; ``si_factor`` converts a file value to the SI attribute ``attr``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from airshield.catalogue.types import THREAT_CLASSES
from airshield.vocabulary import SENSOR_KINDS

KINDS = ("float", "int", "bool", "str", "enum", "ref", "enum_list", "prob_map", "munitions", "loadout")
FIGURE_KINDS = ("float", "int", "prob_map")
SI_UNITS = {"km/h": "m/s", "km": "m", "deg": "rad"}

KMH = 1 / 3.6
KM = 1000.0
DEG = math.pi / 180


@dataclass(frozen=True)
class FieldSpec:
    """One field of a catalogue entry: file key, SI attribute, unit and limits."""

    key: str
    attr: str
    unit: str
    si_factor: float
    kind: str
    description: str
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()

    @property
    def is_figure(self) -> bool:
        """Numeric figures need a source or an assumption in the shipped data."""
        return self.kind in FIGURE_KINDS

    @property
    def si_unit(self) -> str:
        """The unit of the SI attribute."""
        return SI_UNITS.get(self.unit, self.unit)


def _f(key, attr, unit, factor, description, lo=0.0, hi=None, kind="float"):
    return FieldSpec(key, attr, unit, factor, kind, description, lo, hi)


def _c(key, attr, kind, description, choices=()):
    return FieldSpec(key, attr, "", 1.0, kind, description, None, None, tuple(choices))


def _p(key, attr, description, choices=THREAT_CLASSES):
    return FieldSpec(key, attr, "", 1.0, "prob_map", description, 0.0, 1.0, tuple(choices))


THREAT_FIELDS: tuple[FieldSpec, ...] = (
    _c("name", "name", "str", "Display name"),
    _c("class", "threat_class", "enum", "Threat class", THREAT_CLASSES),
    _f("speed_kmh", "speed", "km/h", KMH, "Cruise speed; for ballistic and aeroballistic the "
       "mean speed over the flight (flight time = range / speed)", 1.0, 30000.0),
    _f("cruise_altitude_m", "cruise_altitude", "m", 1.0, "Typical altitude on route; for "
       "ballistic and aeroballistic the apogee", 0.0, 200000.0),
    _f("altitude_spread_m", "altitude_spread", "m", 1.0, "Standard deviation of altitude "
       "between individual threats", 0.0, 50000.0),
    _f("range_km", "range", "km", KM, "Maximum range", 1.0, 20000.0),
    _f("warhead_kg", "warhead_kg", "kg", 1.0, "Warhead mass", 0.0, 10000.0),
    _f("unit_cost_usd", "unit_cost_usd", "USD", 1.0, "Cost of one threat", 0.0),
    _f("rcs_m2", "rcs", "m^2", 1.0, "Radar cross-section (no public figures: all "
       "assumptions)", 0.0, 1000.0),
    _f("failure_rate", "failure_rate", "", 1.0, "Share that fails on its own", 0.0, 1.0),
    _f("cep_m", "cep", "m", 1.0, "Circular error probable", 0.0, 10000.0),
    _f("lethal_radius_m", "lethal_radius", "m", 1.0, "Radius of destruction around the "
       "impact point (assumption derived from warhead size)", 0.0, 10000.0),
    _c("route", "route", "enum", "Route shape: dogleg around defended areas or direct",
       ("direct", "dogleg")),
    _c("ew_susceptible", "ew_susceptible", "bool", "Satellite-navigated: electronic "
       "warfare can make it locationally lost"),
    _c("imitates", "imitates", "ref", "Key of the threat type a decoy imitates: the defence "
       "perceives and engages it as that type (optional; a decoy without it is perceived as an "
       "average drone)"),
    _c("weapons", "weapons", "loadout", "Aircraft only: the weapons it carries, by threat type key; "
       "fields in the loadout table (optional)"),
)

LOADOUT_FIELDS: tuple[FieldSpec, ...] = (
    _f("per_sortie", "per_sortie", "", 1.0, "Weapons of this type one aircraft releases per sortie",
       1, 1000, kind="int"),
    _f("release_range_min_km", "release_range_min", "km", KM, "Shortest distance from the target "
       "at which the aircraft releases (glide bombs: where it plans to release)", 0.0, 20000.0),
    _f("release_range_max_km", "release_range_max", "km", KM, "Longest planned release distance "
       "from the target; at most the weapon's range", 0.0, 20000.0),
    _f("release_altitude_m", "release_altitude", "m", 1.0, "Altitude of the aircraft at release "
       "(the weapon starts there)", 0.0, 30000.0),
)

MUNITION_FIELDS: tuple[FieldSpec, ...] = (
    _c("name", "name", "str", "Display name"),
    _f("range_min_km", "range_min", "km", KM, "Minimum engagement range", 0.0, 2000.0),
    _f("range_max_km", "range_max", "km", KM, "Maximum engagement range", 0.0, 2000.0),
    _f("altitude_min_m", "altitude_min", "m", 1.0, "Lowest engageable target altitude",
       0.0, 200000.0),
    _f("altitude_max_m", "altitude_max", "m", 1.0, "Highest engageable target altitude",
       0.0, 200000.0),
    _f("max_target_speed_kmh", "max_target_speed", "km/h", KMH, "Fastest engageable "
       "target", 1.0, 50000.0),
    _f("speed_kmh", "speed", "km/h", KMH, "Mean speed of the interceptor or projectile",
       1.0, 50000.0),
    _f("cost_per_shot_usd", "cost_per_shot_usd", "USD", 1.0, "Cost of one shot (or "
       "burst / sortie engagement)", 0.0),
    _p("pk", "pk", "Single-shot kill probability per threat class; a class not listed "
       "cannot be engaged"),
)

EFFECTOR_KINDS = ("sam_long", "sam_medium", "sam_short", "gun", "mobile_fire_group",
                  "interceptor_drone", "fighter")

EFFECTOR_FIELDS: tuple[FieldSpec, ...] = (
    _c("name", "name", "str", "Display name"),
    _c("kind", "kind", "enum", "Kind of effector", EFFECTOR_KINDS),
    _f("fire_channels", "fire_channels", "", 1.0, "Simultaneous engagements", 1, 1000,
       kind="int"),
    _f("launchers", "launchers", "", 1.0, "Launchers (or guns, aircraft, pilots) per unit",
       1, 1000, kind="int"),
    _f("rounds_per_launcher", "rounds_per_launcher", "", 1.0, "Loaded rounds per launcher, "
       "all munitions together (guns: bursts / engagements)", 1, 10000, kind="int"),
    _f("reload_s", "reload", "s", 1.0, "Time to reload the launchers from the magazine",
       0.0, 1e6),
    _f("reaction_s", "reaction", "s", 1.0, "From a target becoming engageable to first "
       "launch", 0.0, 1e5),
    _c("radar", "radar", "ref", "Key of its own fire-control radar in the sensors, or "
       "null (needs external cueing)"),
    _f("system_cost_usd", "system_cost_usd", "USD", 1.0, "Cost of one unit (battery, "
       "vehicle, team)", 0.0),
    _c("munitions", "munitions", "munitions", "Munitions by key; fields in the munition "
       "table"),
)


SENSOR_FIELDS: tuple[FieldSpec, ...] = (
    _c("name", "name", "str", "Display name"),
    _c("kind", "kind", "enum", "Kind of sensor", SENSOR_KINDS),
    _f("range_km", "range", "km", KM, "Detection range against reference_rcs_m2", 0.0,
       5000.0),
    _f("reference_rcs_m2", "reference_rcs", "m^2", 1.0, "Radar cross-section the range "
       "refers to", 1e-6, 1000.0),
    _f("antenna_height_m", "antenna_height", "m", 1.0, "Height of the antenna, "
       "microphone or observer above ground", 0.0, 1000.0),
    _f("min_altitude_m", "min_altitude", "m", 1.0, "Lowest target altitude seen", 0.0,
       200000.0),
    _f("max_altitude_m", "max_altitude", "m", 1.0, "Highest target altitude seen", 0.0,
       200000.0),
    _f("max_target_speed_kmh", "max_target_speed", "km/h", KMH, "Fastest target reported "
       "(acoustic: slow, loud targets only)", 1.0, 50000.0),
    _f("min_elevation_deg", "min_elevation", "deg", DEG, "Lowest elevation angle of the "
       "beam or view", -10.0, 90.0),
    _f("scan_period_s", "scan_period", "s", 1.0, "Time between looks at the same "
       "direction", 0.01, 3600.0),
    _f("range_sigma_m", "range_sigma", "m", 1.0, "Range measurement error (1 sigma)",
       0.0, 100000.0),
    _f("azimuth_sigma_deg", "azimuth_sigma", "deg", DEG, "Azimuth error (1 sigma)", 0.0,
       180.0),
    _f("elevation_sigma_deg", "elevation_sigma", "deg", DEG, "Elevation error (1 sigma)",
       0.0, 90.0),
    _f("p_detect", "p_detect", "", 1.0, "Probability of detection per scan inside "
       "coverage", 0.0, 1.0),
    _c("classes", "classes", "enum_list", "Threat classes it can report", THREAT_CLASSES),
)

EW_FIELDS: tuple[FieldSpec, ...] = (
    _c("name", "name", "str", "Display name"),
    _f("radius_km", "radius", "km", KM, "Radius of the jamming zone", 0.0, 1000.0),
    _p("p_loss", "p_loss", "Probability that a susceptible threat of this class "
       "crossing the zone is lost"),
    _f("system_cost_usd", "system_cost_usd", "USD", 1.0, "Cost of one system", 0.0),
)
