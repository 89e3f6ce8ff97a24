"""Countries around Ukraine (Natural Earth 1:50m admin-0, public domain), clipped to lon 8..56, lat 36..62.

Drawn under the oblasts so that neighbouring land is not painted as sea. See ``data/README.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from airshield.geo._data import data_file

NEIGHBOURS_FILE = ("geo", "naturalearth_neighbours_50m.geojson")


@dataclass(frozen=True)
class Country:
    """A neighbouring country: name, label point [deg] and lon/lat exterior rings (read-only (n, 2) arrays)."""

    name: str
    label_lon: float
    label_lat: float
    rings: tuple[np.ndarray, ...]


def _rings(geometry: dict) -> tuple[np.ndarray, ...]:
    out = []
    for polygon in geometry["coordinates"]:
        ring = np.asarray(polygon[0], dtype=float)
        ring.setflags(write=False)
        out.append(ring)
    return tuple(out)


@lru_cache(maxsize=1)
def neighbours() -> tuple[Country, ...]:
    """The countries of the shipped file, in name order (cached, read-only)."""
    data = json.loads(data_file(*NEIGHBOURS_FILE).read_text(encoding="utf-8"))
    return tuple(Country(f["properties"]["name"], f["properties"]["label_lon"], f["properties"]["label_lat"],
                         _rings(f["geometry"])) for f in data["features"])


@lru_cache(maxsize=1)
def neighbours_text() -> str:
    """The shipped GeoJSON text (lon/lat, counter-clockwise exterior rings)."""
    return data_file(*NEIGHBOURS_FILE).read_text(encoding="utf-8")
