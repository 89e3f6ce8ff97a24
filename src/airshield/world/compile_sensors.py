"""Compile scenario sensors, and each fire unit's own radar, into a SensorTable."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.catalogue import THREAT_CLASSES, Catalogue, SensorType
from airshield.errors import unknown_name
from airshield.vocabulary import KIND_CODES
from airshield.world.tables import SensorTable


@dataclass(frozen=True)
class SensorRow:
    """One sensor before columnisation: its type, name, position [m] and antenna height [m]."""

    name: str
    sensor: SensorType
    x: float
    y: float
    height: float


def sensor_type(catalogue: Catalogue, key: str, *, file: str | None, path: str) -> SensorType:
    """The catalogue sensor type ``key`` or an InputError with did-you-mean at ``path``."""
    if key not in catalogue.sensors:
        raise unknown_name("sensor type", key, catalogue.sensors, file=file, path=path)
    return catalogue.sensors[key]


def sensor_table(rows: list[SensorRow]) -> SensorTable:
    """Column table of the sensor rows (geometry, limits, Pd and measurement noise)."""
    def col(get) -> np.ndarray:
        return np.array([get(r) for r in rows], dtype=float).reshape(len(rows))

    sees = np.array([[c in r.sensor.classes for c in THREAT_CLASSES] for r in rows],
                    dtype=bool).reshape(len(rows), len(THREAT_CLASSES))
    return SensorTable(
        name=tuple(r.name for r in rows), type_key=tuple(r.sensor.key for r in rows),
        kind=np.array([KIND_CODES[r.sensor.kind] for r in rows], dtype=int).reshape(len(rows)),
        x=col(lambda r: r.x), y=col(lambda r: r.y), z=col(lambda r: r.height),
        range=col(lambda r: r.sensor.range), reference_rcs=col(lambda r: r.sensor.reference_rcs),
        min_alt=col(lambda r: r.sensor.min_altitude), max_alt=col(lambda r: r.sensor.max_altitude),
        max_speed=col(lambda r: r.sensor.max_target_speed), min_elevation=col(lambda r: r.sensor.min_elevation),
        scan_period=col(lambda r: r.sensor.scan_period), p_detect=col(lambda r: r.sensor.p_detect),
        range_sigma=col(lambda r: r.sensor.range_sigma), azimuth_sigma=col(lambda r: r.sensor.azimuth_sigma),
        elevation_sigma=col(lambda r: r.sensor.elevation_sigma), sees_class=sees)
