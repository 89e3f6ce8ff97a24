"""Oblast boundaries (geoBoundaries ADM1, simplified): table and point lookup."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from pyproj import Geod

from airshield.geo._data import data_file
from airshield.geo.polygons import points_in_edges, polygon_centroid, ring_edges
from airshield.geo.projection import LocalProjection

BOUNDARIES_FILE = ("geo", "geoBoundaries-UKR-ADM1_simplified.geojson")


@dataclass(frozen=True)
class Unit:
    """One ADM1 unit: name, ISO 3166-2 code, lon/lat outer rings and holes [deg]."""

    name: str
    iso: str
    outers: tuple[np.ndarray, ...]
    holes: tuple[np.ndarray, ...]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """(lon_min, lat_min, lon_max, lat_max) [deg] of the outer rings."""
        allpts = np.vstack(self.outers)
        return (*allpts.min(axis=0), *allpts.max(axis=0))


def _ring(coords) -> np.ndarray:
    """A read-only (n, 2) lon/lat array, without the repeated closing vertex."""
    arr = np.asarray(coords, dtype=float)[:, :2]
    if len(arr) > 1 and np.array_equal(arr[0], arr[-1]):
        arr = arr[:-1]
    arr.setflags(write=False)
    return arr


def _unit(feature: dict) -> Unit:
    geom = feature["geometry"]
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    props = feature["properties"]
    return Unit(props["shapeName"], props["shapeISO"],
                tuple(_ring(p[0]) for p in polys), tuple(_ring(r) for p in polys for r in p[1:]))


@lru_cache(maxsize=1)
def units() -> tuple[Unit, ...]:
    """The 27 ADM1 units in file order (cached, read-only arrays)."""
    text = data_file(*BOUNDARIES_FILE).read_text(encoding="utf-8")
    return tuple(_unit(f) for f in json.loads(text)["features"])


def _area_km2(unit: Unit) -> float:
    """Geodesic area [km^2] on WGS84 of outer rings minus holes."""
    geod = Geod(ellps="WGS84")
    area = lambda r: abs(geod.polygon_area_perimeter(r[:, 0], r[:, 1])[0])  # noqa: E731
    return (sum(map(area, unit.outers)) - sum(map(area, unit.holes))) / 1e6


def _centroid(unit: Unit) -> tuple[float, float]:
    """Area centroid (lat, lon) [deg], computed in an equidistant projection about the bbox centre."""
    lon_min, lat_min, lon_max, lat_max = unit.bbox
    proj = LocalProjection((lat_min + lat_max) / 2, (lon_min + lon_max) / 2)
    plane = lambda r: np.column_stack(proj.to_xy(r[:, 1], r[:, 0]))  # noqa: E731
    cx, cy = polygon_centroid([plane(r) for r in unit.outers], [plane(r) for r in unit.holes])
    return proj.to_latlon(cx, cy)


@lru_cache(maxsize=1)
def _oblast_table() -> pd.DataFrame:
    rows = []
    for u in units():
        lat, lon = _centroid(u)
        rows.append({"name": u.name, "iso": u.iso, "centroid_lat": lat, "centroid_lon": lon,
                     "area_km2": _area_km2(u)})
    return pd.DataFrame(rows)


def oblasts() -> pd.DataFrame:
    """The 27 ADM1 units (24 oblasts, Kyiv city, Crimea, Sevastopol), a fresh copy per call.

    Columns: ``name`` (geoBoundaries shapeName), ``iso`` (ISO 3166-2, e.g. UA-30),
    ``centroid_lat``, ``centroid_lon`` [deg], ``area_km2`` [km^2] (geodesic, holes removed;
    coastal units include territorial waters), ``rings`` (list of (n, 2) lon/lat [deg] outer rings).
    """
    table = _oblast_table().copy()
    table["rings"] = [list(u.outers) for u in units()]
    return table


@lru_cache(maxsize=1)
def _unit_edges() -> tuple[np.ndarray, ...]:
    return tuple(ring_edges(u.outers + u.holes) for u in units())


def oblast_of(lat, lon) -> np.ndarray:
    """ISO 3166-2 code of the unit containing each point ``lat``, ``lon`` [deg]; '' outside all.

    Vectorised over arrays (bounding-box prefilter, then even-odd ray casting that honours holes,
    e.g. Kyiv city inside Kyiv Oblast). Returns an array of str with the broadcast input shape.
    """
    lat_a, lon_a = np.broadcast_arrays(np.asarray(lat, dtype=float), np.asarray(lon, dtype=float))
    y, x = lat_a.ravel(), lon_a.ravel()
    out = np.full(x.shape, "", dtype=object)
    for unit, edges in zip(units(), _unit_edges()):
        lon_min, lat_min, lon_max, lat_max = unit.bbox
        cand = np.flatnonzero((out == "") & (x >= lon_min) & (x <= lon_max) & (y >= lat_min) & (y <= lat_max))
        hit = points_in_edges(x[cand], y[cand], edges)
        out[cand[hit]] = unit.iso
    return out.astype(str).reshape(lat_a.shape)
