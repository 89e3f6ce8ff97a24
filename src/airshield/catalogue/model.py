"""The loaded catalogue: read-only mappings of type key to type record."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from airshield.catalogue.types import EffectorType, EwType, SensorType, ThreatType
from airshield.errors import unknown_name


def _get(entries: Mapping, kind: str, key: str, section: str):
    try:
        return entries[key]
    except KeyError:
        raise unknown_name(kind, str(key), entries, path=f"catalogue.{section}") from None


@dataclass(frozen=True)
class Catalogue:
    """All threat, effector, sensor and EW types (shipped data plus overrides)."""

    threats: Mapping[str, ThreatType]
    effectors: Mapping[str, EffectorType]
    sensors: Mapping[str, SensorType]
    ew: Mapping[str, EwType]

    def get_threat(self, key: str) -> ThreatType:
        """The threat type ``key``; InputError with a did-you-mean if unknown."""
        return _get(self.threats, "threat type", key, "threats")

    def get_effector(self, key: str) -> EffectorType:
        """The effector type ``key``; InputError with a did-you-mean if unknown."""
        return _get(self.effectors, "effector type", key, "effectors")

    def get_sensor(self, key: str) -> SensorType:
        """The sensor type ``key``; InputError with a did-you-mean if unknown."""
        return _get(self.sensors, "sensor type", key, "sensors")

    def get_ew(self, key: str) -> EwType:
        """The EW type ``key``; InputError with a did-you-mean if unknown."""
        return _get(self.ew, "EW type", key, "ew")
