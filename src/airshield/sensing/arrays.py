"""Sensor tables for measurement-level sensing built without a World (tests, benchmarks).

Sensing reads the World's :class:`~airshield.world.SensorTable` (geometry, limits, Pd and noise
per sensor); :func:`make_sensors` builds one from scalars or arrays.
"""

from __future__ import annotations

import numpy as np

from airshield.vocabulary import KIND_CODES, THREAT_CLASSES
from airshield.world.tables import SensorTable


def make_sensors(x, y, *, z=10.0, range=100e3, reference_rcs=1.0, min_alt=0.0, max_alt=30e3,
                 max_speed=5000.0, min_elevation=0.0, scan_period=1.0, p_detect=0.9, range_sigma=50.0,
                 azimuth_sigma=np.radians(0.3), elevation_sigma=np.radians(0.5), kind="radar",
                 sees_class=None, name=None) -> SensorTable:
    """A SensorTable from scalars or arrays broadcast to the number of positions ``x, y`` [m]
    (other units as in :class:`~airshield.world.SensorTable`)."""
    x = np.atleast_1d(np.asarray(x, dtype=float))
    n = len(x)

    def col(v):
        return np.broadcast_to(np.asarray(v, dtype=float), (n,)).copy()

    kinds = [kind] * n if isinstance(kind, str) else list(kind)
    sees = np.ones((n, len(THREAT_CLASSES)), dtype=bool) if sees_class is None else np.asarray(sees_class, bool)
    return SensorTable(
        name=tuple(name or (f"sensor-{i}" for i in np.arange(n))), type_key=tuple(kinds),
        kind=np.array([KIND_CODES[k] for k in kinds]),
        x=x, y=col(y), z=col(z), range=col(range), reference_rcs=col(reference_rcs), min_alt=col(min_alt),
        max_alt=col(max_alt), max_speed=col(max_speed), min_elevation=col(min_elevation),
        scan_period=col(scan_period), p_detect=col(p_detect), range_sigma=col(range_sigma),
        azimuth_sigma=col(azimuth_sigma), elevation_sigma=col(elevation_sigma),
        sees_class=np.broadcast_to(sees, (n, len(THREAT_CLASSES))).copy())
