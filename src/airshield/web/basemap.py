"""The offline basemap: the shipped oblast boundaries as a GeoJSON FeatureCollection."""

from __future__ import annotations

import json
from functools import lru_cache

from airshield.geo._data import data_file
from airshield.geo.boundaries import BOUNDARIES_FILE


@lru_cache(maxsize=1)
def _text() -> str:
    data = json.loads(data_file(*BOUNDARIES_FILE).read_text(encoding="utf-8"))
    features = [{"type": "Feature", "geometry": f["geometry"],
                 "properties": {"name": f["properties"]["shapeName"], "iso": f["properties"]["shapeISO"]}}
                for f in data["features"]]
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def basemap_text() -> str:
    """The oblast FeatureCollection as compact JSON text (built once)."""
    return _text()


def basemap_geojson() -> dict:
    """A fresh copy of the oblast FeatureCollection (lon/lat WGS84)."""
    return json.loads(_text())
