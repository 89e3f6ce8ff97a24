"""A local azimuthal equidistant projection about the theatre centre."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
from pyproj import Transformer
from pyproj.enums import TransformDirection


def _out(a: np.ndarray):
    """A float for 0-d results, the array otherwise."""
    a = np.asarray(a, dtype=float)
    return float(a) if a.ndim == 0 else a


@dataclass(frozen=True)
class LocalProjection:
    """Azimuthal equidistant projection (WGS84) centred on ``lat0``, ``lon0`` [deg].

    x points east and y north [m]. Distances and bearings from the centre are exact.
    Transformers are built lazily, so instances pickle as just their centre.
    """

    lat0: float
    lon0: float

    @property
    def proj_string(self) -> str:
        """The PROJ definition of this projection."""
        return f"+proj=aeqd +lat_0={self.lat0} +lon_0={self.lon0} +datum=WGS84 +units=m"

    @cached_property
    def _transformer(self) -> Transformer:
        """lon/lat [deg] -> x/y [m]; used backwards for the inverse."""
        return Transformer.from_crs("EPSG:4326", self.proj_string, always_xy=True)

    def to_xy(self, lat, lon):
        """Project ``lat``, ``lon`` [deg] to local ``(x, y)`` [m]; scalars or arrays."""
        lat = np.asarray(lat, dtype=float)
        lon = np.asarray(lon, dtype=float)
        x, y = self._transformer.transform(lon, lat)
        return _out(x), _out(y)

    def to_latlon(self, x, y):
        """Unproject local ``x``, ``y`` [m] to ``(lat, lon)`` [deg]; scalars or arrays."""
        x = np.asarray(x, dtype=float)
        y = np.asarray(y, dtype=float)
        lon, lat = self._transformer.transform(x, y, direction=TransformDirection.INVERSE)
        return _out(lat), _out(lon)

    def __reduce__(self):
        return (LocalProjection, (self.lat0, self.lon0))
