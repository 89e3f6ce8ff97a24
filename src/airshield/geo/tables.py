"""Cities (GeoNames) and power plants (GPPD) shipped with airshield, as DataFrames."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from airshield.geo._data import data_file

CITIES_FILE = ("geo", "ukraine_cities_geonames15000.csv")
ADMIN1_FILE = ("geo", "ukraine_admin1_codes.csv")
PLANTS_FILE = ("energy", "gppd_v1.3.0_ukraine.csv")


@lru_cache(maxsize=None)
def _read_csv(*parts: str) -> pd.DataFrame:
    with data_file(*parts).open("r", encoding="utf-8") as fh:
        return pd.read_csv(fh, dtype={"geonames_admin1": str})


@lru_cache(maxsize=1)
def _city_table() -> pd.DataFrame:
    raw = _read_csv(*CITIES_FILE)
    raw = raw[raw["is_city_section"] != 1]
    return pd.DataFrame({
        "name": raw["name"].astype(str),
        "lat": raw["latitude"].astype(float),
        "lon": raw["longitude"].astype(float),
        "population": raw["population"].fillna(0).astype(int),
        "oblast_iso": raw["iso_3166_2"].astype(str),
        "is_admin_centre": raw["is_admin_centre"] == 1,
        "geonameid": raw["geonameid"].astype(int),
    }).reset_index(drop=True)


def cities(min_population: int = 50_000) -> pd.DataFrame:
    """Ukrainian cities with population >= ``min_population`` or that are admin centres.

    City districts (``is_city_section``) are dropped. Columns: ``name``, ``lat``, ``lon`` [deg],
    ``population`` (int, pre-war GeoNames figure), ``oblast_iso`` (ISO 3166-2), ``is_admin_centre``
    (bool), ``geonameid``. A fresh copy per call, largest first.
    """
    table = _city_table()
    keep = (table["population"] >= min_population) | table["is_admin_centre"]
    return table[keep].sort_values("population", ascending=False, kind="stable").reset_index(drop=True)


def admin1_codes() -> pd.DataFrame:
    """The 27-row GeoNames admin1 / ISO 3166-2 / geoBoundaries name crosswalk (a fresh copy)."""
    return _read_csv(*ADMIN1_FILE).copy()


@lru_cache(maxsize=1)
def _plant_table() -> pd.DataFrame:
    raw = _read_csv(*PLANTS_FILE)
    return pd.DataFrame({
        "name": raw["name"].astype(str),
        "fuel": raw["primary_fuel"].astype(str),
        "capacity_mw": raw["capacity_mw"].astype(float),
        "lat": raw["latitude"].astype(float),
        "lon": raw["longitude"].astype(float),
        "gppd_id": raw["gppd_idnr"].astype(str),
    })


def power_plants() -> pd.DataFrame:
    """The 64 GPPD v1.3.0 Ukrainian power plants (status as of 2021, pre-war), a fresh copy.

    Columns: ``name``, ``fuel`` (GPPD primary_fuel), ``capacity_mw`` [MW], ``lat``, ``lon`` [deg],
    ``gppd_id``.
    """
    return _plant_table().copy()
