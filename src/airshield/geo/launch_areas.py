"""Named launch areas of Russian raids (``data/launch_areas.yaml``)."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import yaml

from airshield.errors import InputError
from airshield.geo._data import data_file

LAUNCH_AREAS_FILE = ("launch_areas.yaml",)
KINDS = ("airfield", "region", "sea", "air-launch-area")
_FIELDS = ("name", "lat", "lon", "radius_km", "kind", "aliases", "source")


def _row(key: str, entry: dict) -> dict:
    missing = [f for f in _FIELDS if f not in entry]
    if missing or entry["kind"] not in KINDS:
        raise InputError(f"launch area '{key}' is malformed", file="launch_areas.yaml", path=key,
                         expected=f"fields {', '.join(_FIELDS)} and kind in {', '.join(KINDS)}")
    return {"key": key, "name": str(entry["name"]), "lat": float(entry["lat"]), "lon": float(entry["lon"]),
            "radius_km": float(entry["radius_km"]), "kind": entry["kind"],
            "aliases": tuple(str(a) for a in entry["aliases"]), "source": str(entry["source"])}


@lru_cache(maxsize=1)
def _launch_table() -> pd.DataFrame:
    raw = yaml.safe_load(data_file(*LAUNCH_AREAS_FILE).read_text(encoding="utf-8"))
    return pd.DataFrame([_row(k, v) for k, v in raw.items() if not k.startswith("_")])


def launch_areas() -> pd.DataFrame:
    """Launch areas, a fresh copy per call.

    Columns: ``key`` (lowercase, hyphenated), ``name``, ``lat``, ``lon`` [deg], ``radius_km`` [km]
    (assumed spread of launches), ``kind`` (airfield | region | sea | air-launch-area),
    ``aliases`` (list of spellings seen in records), ``source``.
    """
    table = _launch_table().copy()
    table["aliases"] = [list(a) for a in table["aliases"]]
    return table
