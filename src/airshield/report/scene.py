"""The scenario as map layers in lon/lat: assets, sensors, fire units, EW zones, launch areas.

Used by the exports, the HTML report and the web app, so all three draw the same picture.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.physics import radar_horizon
from airshield.geo.projection import LocalProjection
from airshield.world import World

COVERAGE_ALTITUDE_M = 1000.0
"""Default target altitude for sensor coverage circles [m] (Shahed-type drones fly about 0.1-2 km)."""


@dataclass(frozen=True)
class Scene:
    """Map layers of one scenario; each layer is a list of JSON-ready dicts with ``lon``, ``lat`` [deg]."""

    name: str
    centre: tuple[float, float]
    assets: list[dict]
    sensors: list[dict]
    units: list[dict]
    ew_zones: list[dict]
    launch_areas: list[dict]
    coverage_altitude_m: float

    def to_dict(self) -> dict:
        return {"name": self.name, "centre": list(self.centre), "assets": self.assets, "sensors": self.sensors,
                "fire_units": self.units, "ew_zones": self.ew_zones, "launch_areas": self.launch_areas,
                "coverage_altitude_m": self.coverage_altitude_m}


def build_scene(world: World, altitude: float = COVERAGE_ALTITUDE_M) -> Scene:
    """The map layers of ``world``; sensor coverage is against a target at ``altitude`` [m]."""
    proj = world.projection
    return Scene(world.name, (proj.lon0, proj.lat0), _assets(world), _sensors(world, altitude),
                 _units(world), _ew(world), _launches(world), float(altitude))


def _lonlat(proj: LocalProjection, x, y) -> tuple[np.ndarray, np.ndarray]:
    lat, lon = proj.to_latlon(np.atleast_1d(x), np.atleast_1d(y))
    return np.round(np.atleast_1d(lon), 5), np.round(np.atleast_1d(lat), 5)


def _assets(world: World) -> list[dict]:
    t = world.assets
    lon, lat = _lonlat(world.projection, t.x, t.y)
    return [{"name": n, "lon": float(lon[i]), "lat": float(lat[i]), "value": float(t.value[i]),
             "radius_m": float(t.radius[i])} for i, n in enumerate(t.name)]


def _sensors(world: World, altitude: float) -> list[dict]:
    t = world.sensors
    lon, lat = _lonlat(world.projection, t.x, t.y)
    cover = np.minimum(t.range, radar_horizon(t.z, altitude))
    return [{"name": n, "type": t.type_key[i], "kind": t.kind_name[i], "lon": float(lon[i]), "lat": float(lat[i]),
             "range_m": float(t.range[i]), "coverage_m": float(cover[i])} for i, n in enumerate(t.name)]


def _units(world: World) -> list[dict]:
    t, w = world.units, world.weapons
    lon, lat = _lonlat(world.projection, t.x, t.y)
    rows = []
    for i, n in enumerate(t.name):
        mine = np.flatnonzero(w.unit == i)
        munitions = sorted({w.munition[j] for j in mine})
        envelope = float(w.range_max[mine].max()) if len(mine) else 0.0
        rows.append({"name": n, "type": t.type_key[i], "lon": float(lon[i]), "lat": float(lat[i]),
                     "envelope_m": envelope, "munitions": munitions})
    return rows


def _ew(world: World) -> list[dict]:
    t = world.ew
    lon, lat = _lonlat(world.projection, t.x, t.y)
    return [{"name": n, "lon": float(lon[i]), "lat": float(lat[i]), "radius_m": float(t.radius[i])}
            for i, n in enumerate(t.name)]


def _launches(world: World) -> list[dict]:
    """One launch area per distinct wave launch centre, naming the waves that start there."""
    t = world.waves
    lon, lat = _lonlat(world.projection, t.x, t.y)
    areas: dict[tuple[float, float], dict] = {}
    for i, n in enumerate(t.name):
        key = (float(lon[i]), float(lat[i]))
        area = areas.setdefault(key, {"name": n.split(" from ")[-1], "lon": key[0], "lat": key[1],
                                      "spread_m": float(t.spread[i]), "waves": []})
        area["waves"].append(n)
        area["spread_m"] = max(area["spread_m"], float(t.spread[i]))
    return list(areas.values())


def circle_lonlat(lon: float, lat: float, radius_m: float, points: int = 48) -> list[list[float]]:
    """A closed ring of ``points`` vertices [lon, lat] at ``radius_m`` [m] around a point, counter-clockwise
    (east, north, west, south: the exterior-ring order of RFC 7946 3.1.6 and KML)."""
    local = LocalProjection(lat, lon)
    angle = np.linspace(0.0, 2 * np.pi, points + 1)
    rlat, rlon = local.to_latlon(radius_m * np.cos(angle), radius_m * np.sin(angle))
    ring = np.round(np.column_stack([rlon, rlat]), 5)
    ring[-1] = ring[0]
    return ring.tolist()
