"""Sensor columns for measurement-level sensing: geometry, limits, Pd and noise per sensor.

:class:`SensorArrays` extends the World's ``SensorTable`` with the catalogue's noise figures
(``range_sigma``, ``azimuth_sigma``, ``elevation_sigma``, ``min_elevation``). Build it with
:func:`sensor_arrays` from a World, or directly (tests, benchmarks) with :func:`make_sensors`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.catalogue import THREAT_CLASSES

KIND_CODES = {"radar": 0, "acoustic": 1, "observer": 2}
"""Integer code of each sensor kind in ``SensorArrays.kind`` [-]."""


@dataclass(frozen=True)
class SensorArrays:
    """n sensors as columns (SI units).

    ``x, y`` position [m]; ``z`` antenna height [m]; ``range`` [m] against ``reference_rcs`` [m^2];
    ``min_alt``/``max_alt`` [m]; ``max_speed`` [m/s]; ``min_elevation`` [rad]; ``scan_period`` [s];
    ``p_detect`` per scan at ``range`` against ``reference_rcs`` [-]; ``range_sigma`` [m];
    ``azimuth_sigma``/``elevation_sigma`` [rad]; ``sees_class`` (n, classes) bool; ``kind`` codes
    of :data:`KIND_CODES`; ``name`` labels.
    """

    name: tuple[str, ...]
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
        """Number of sensors."""
        return len(self.x)

    def subset(self, rows) -> "SensorArrays":
        """The sensors at ``rows`` (indices or mask)."""
        idx = np.asarray(rows)
        values = {f: (tuple(np.asarray(self.name, dtype=object)[idx]) if f == "name" else getattr(self, f)[idx])
                  for f in self.__dataclass_fields__}
        return SensorArrays(**values)


def make_sensors(x, y, *, z=10.0, range=100e3, reference_rcs=1.0, min_alt=0.0, max_alt=30e3,
                 max_speed=5000.0, min_elevation=0.0, scan_period=1.0, p_detect=0.9, range_sigma=50.0,
                 azimuth_sigma=np.radians(0.3), elevation_sigma=np.radians(0.5), kind="radar",
                 sees_class=None, name=None) -> SensorArrays:
    """SensorArrays from scalars or arrays broadcast to the number of positions ``x, y`` [m]."""
    x = np.atleast_1d(np.asarray(x, dtype=float))
    n = len(x)

    def col(v):
        return np.broadcast_to(np.asarray(v, dtype=float), (n,)).copy()

    kinds = [kind] * n if isinstance(kind, str) else list(kind)
    sees = np.ones((n, len(THREAT_CLASSES)), dtype=bool) if sees_class is None else np.asarray(sees_class, bool)
    return SensorArrays(
        name=tuple(name or (f"sensor-{i}" for i in np.arange(n))), kind=np.array([KIND_CODES[k] for k in kinds]),
        x=x, y=col(y), z=col(z), range=col(range), reference_rcs=col(reference_rcs), min_alt=col(min_alt),
        max_alt=col(max_alt), max_speed=col(max_speed), min_elevation=col(min_elevation),
        scan_period=col(scan_period), p_detect=col(p_detect), range_sigma=col(range_sigma),
        azimuth_sigma=col(azimuth_sigma), elevation_sigma=col(elevation_sigma),
        sees_class=np.broadcast_to(sees, (n, len(THREAT_CLASSES))).copy())


def sensor_arrays(world) -> SensorArrays:
    """The World's sensors (scenario sensors, then fire units' own radars) with catalogue noise."""
    table = world.sensors
    types = [world.catalogue.sensors[key] for key in table.type_key]

    def col(attr):
        return np.array([getattr(t, attr) for t in types], dtype=float).reshape(len(types))

    return SensorArrays(
        name=table.name, kind=np.array([KIND_CODES[k] for k in table.kind], dtype=int).reshape(len(types)),
        x=table.x, y=table.y, z=table.z, range=table.range, reference_rcs=table.reference_rcs,
        min_alt=table.min_alt, max_alt=table.max_alt, max_speed=table.max_speed,
        min_elevation=col("min_elevation"), scan_period=table.scan_period, p_detect=table.p_detect,
        range_sigma=col("range_sigma"), azimuth_sigma=col("azimuth_sigma"),
        elevation_sigma=col("elevation_sigma"), sees_class=table.sees_class)
