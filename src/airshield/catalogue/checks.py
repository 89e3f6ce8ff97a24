"""Checks across fields and entries: ordered limits and radar references."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from airshield.errors import InputError, unknown_name
from airshield.vocabulary import CARRIER

# (record attribute low, high, file key low, high): low must not exceed high.
ORDERED = (
    ("range_min", "range_max", "range_min_km", "range_max_km"),
    ("altitude_min", "altitude_max", "altitude_min_m", "altitude_max_m"),
    ("min_altitude", "max_altitude", "min_altitude_m", "max_altitude_m"),
    ("release_range_min", "release_range_max", "release_range_min_km", "release_range_max_km"),
)


def check_ordered(record, path: str, file: str | None) -> None:
    """Lower limits not above upper limits (e.g. range_min_km <= range_max_km)."""
    for low, high, low_key, high_key in ORDERED:
        if hasattr(record, low) and getattr(record, low) > getattr(record, high):
            raise InputError(f"{low_key} is above {high_key}", file=file,
                             path=f"{path}.{low_key}", expected=f"at most {high_key}")


def check_effectors(effectors: Mapping, sensors: Mapping,
                    file_of: Callable[[str, str], str | None]) -> None:
    """Every effector's radar is a known sensor; munition limits are ordered."""
    for key, effector in effectors.items():
        path = f"catalogue.effectors.{key}"
        file = file_of("effectors", key)
        if effector.radar is not None and effector.radar not in sensors:
            raise unknown_name("sensor", effector.radar, sensors, file=file,
                               path=f"{path}.radar")
        for munition in effector.munitions:
            check_ordered(munition, f"{path}.munitions.{munition.key}", file)


def check_threats(threats: Mapping, file_of: Callable[[str, str], str | None]) -> None:
    """Every decoy's imitated type is a known threat type other than itself; only aircraft carry
    weapons, which are known non-aircraft types released within their reach."""
    for key, threat in threats.items():
        if threat.imitates is not None and (threat.imitates not in threats or threat.imitates == key):
            raise unknown_name("threat type to imitate", threat.imitates, [k for k in threats if k != key],
                               file=file_of("threats", key), path=f"catalogue.threats.{key}.imitates")
        _check_weapons(threats, key, file_of("threats", key))


def _check_weapons(threats: Mapping, key: str, file: str | None) -> None:
    threat = threats[key]
    path = f"catalogue.threats.{key}.weapons"
    if threat.weapons and threat.threat_class != CARRIER:
        raise InputError(f"a {threat.threat_class} carries no weapons", file=file, path=path,
                         expected=f"weapons only on class {CARRIER}")
    for loadout in threat.weapons:
        sub = f"{path}.{loadout.key}"
        weapon = threats.get(loadout.key)
        if weapon is None or weapon.threat_class == CARRIER:
            raise unknown_name("weapon (a threat type that is not an aircraft)", loadout.key,
                               [k for k, t in threats.items() if t.threat_class != CARRIER], file=file, path=sub)
        check_ordered(loadout, sub, file)
        if loadout.release_range_max > weapon.range:
            raise InputError(f"release range {loadout.release_range_max / 1000:g} km is beyond the reach of "
                             f"{loadout.key} ({weapon.range / 1000:g} km)", file=file,
                             path=f"{sub}.release_range_max_km", expected=f"at most {weapon.range / 1000:g} km")


def check_sensors(sensors: Mapping, file_of: Callable[[str, str], str | None]) -> None:
    """Sensor altitude limits are ordered."""
    for key, sensor in sensors.items():
        check_ordered(sensor, f"catalogue.sensors.{key}", file_of("sensors", key))
