"""Candidate sites for fire units: rings around the defended assets, or a user file of lat/lon."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from airshield.errors import InputError
from airshield.world import World

DEFAULT_RINGS_KM = (0.0, 8.0, 20.0)
DEFAULT_BEARINGS = 6
MIN_SEPARATION_M = 1000.0


@dataclass(frozen=True)
class Sites:
    """Candidate sites: ``name``, local ``x, y`` [m], ``lat, lon`` [deg], ``asset`` row they ring (-1: none)."""

    name: tuple[str, ...]
    x: np.ndarray
    y: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    asset: np.ndarray

    def __len__(self) -> int:
        return len(self.name)


def ring_sites(world: World, rings_km=DEFAULT_RINGS_KM, bearings: int = DEFAULT_BEARINGS) -> Sites:
    """Sites at each asset's centre and on rings of ``rings_km`` [km] at ``bearings`` bearings."""
    xs, ys, owners, names = [], [], [], []
    for a, asset in enumerate(world.assets.name):
        for r_km in rings_km:
            count = 1 if r_km <= 0 else bearings
            for b in range(count):
                angle = 2 * np.pi * b / count + (np.pi / count if (rings_km.index(r_km) % 2) else 0.0)
                xs.append(world.assets.x[a] + 1000.0 * r_km * np.sin(angle))
                ys.append(world.assets.y[a] + 1000.0 * r_km * np.cos(angle))
                owners.append(a)
                names.append(f"{asset}@{r_km:g}km/{int(round(np.degrees(angle))) % 360}")
    return _dedupe(world, np.array(xs), np.array(ys), np.array(owners), names)


def file_sites(world: World, path: str | Path) -> Sites:
    """Sites from a CSV (columns lat, lon[, name]) or YAML (list of {lat, lon[, name]}) file."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", file=str(path), path="--candidates", expected="a CSV or YAML file of lat, lon")
    if path.suffix in (".yaml", ".yml"):
        from airshield.scenario.yaml_io import read_text
        import yaml
        rows = yaml.safe_load(read_text(path))
        if isinstance(rows, dict):
            rows = rows.get("sites")
    else:
        with path.open(newline="") as handle:
            rows = list(csv.DictReader(handle))
    if not isinstance(rows, list) or not rows:
        raise InputError("no sites found", file=str(path), expected="a list of rows with lat and lon")
    lats, lons, names = [], [], []
    for i, row in enumerate(rows):
        try:
            lats.append(float(row["lat"]))
            lons.append(float(row["lon"]))
        except (KeyError, TypeError, ValueError):
            raise InputError("row needs numeric lat and lon", file=str(path), path=f"row {i + 1}") from None
        names.append(str(row.get("name") or f"site-{i + 1}"))
    x, y = world.projection.to_xy(np.array(lats), np.array(lons))
    x, y = np.atleast_1d(np.asarray(x, float)), np.atleast_1d(np.asarray(y, float))
    d = np.hypot(x[:, None] - world.assets.x[None, :], y[:, None] - world.assets.y[None, :])
    return Sites(tuple(names), x, y, np.array(lats), np.array(lons), d.argmin(axis=1))


def _dedupe(world: World, x: np.ndarray, y: np.ndarray, owner: np.ndarray, names: list[str]) -> Sites:
    keep: list[int] = []
    for i in range(len(x)):
        if all(np.hypot(x[i] - x[j], y[i] - y[j]) >= MIN_SEPARATION_M for j in keep):
            keep.append(i)
    idx = np.array(keep, dtype=int)
    lat, lon = world.projection.to_latlon(x[idx], y[idx])
    return Sites(tuple(names[i] for i in idx), x[idx], y[idx], np.round(np.asarray(lat, float), 5),
                 np.round(np.asarray(lon, float), 5), owner[idx])


def with_unit_sites(world: World, sites: Sites, units: list[dict]) -> Sites:
    """The positions of ``units`` (fire units of the scenario) first, one site each and named after the
    unit, then the sites of ``sites`` that are at least 1 km from all of them."""
    if not units:
        return sites
    lat = np.array([float(u["lat"]) for u in units])
    lon = np.array([float(u["lon"]) for u in units])
    x, y = (np.atleast_1d(np.asarray(v, float)) for v in world.projection.to_xy(lat, lon))
    far = np.array([np.all(np.hypot(sites.x[i] - x, sites.y[i] - y) >= MIN_SEPARATION_M) for i in range(len(sites))],
                   dtype=bool).reshape(len(sites))
    owner = np.hypot(x[:, None] - world.assets.x[None, :], y[:, None] - world.assets.y[None, :]).argmin(axis=1)
    return Sites(tuple(f"{u['name']} (scenario)" for u in units) + tuple(n for n, f in zip(sites.name, far) if f),
                 np.concatenate([x, sites.x[far]]), np.concatenate([y, sites.y[far]]),
                 np.concatenate([lat, sites.lat[far]]), np.concatenate([lon, sites.lon[far]]),
                 np.concatenate([owner, sites.asset[far]]))
