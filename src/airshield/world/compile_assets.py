"""Compile the scenario's defended assets into an AssetTable."""

from __future__ import annotations

import numpy as np

from airshield.errors import InputError
from airshield.geo import find_place
from airshield.scenario.forces import Asset
from airshield.world.locate import Locator
from airshield.world.tables import AssetTable

CITY_VALUE_PER_PERSON = 1e-3   # value points per inhabitant (1 point per 1,000 people)
PLANT_VALUE_PER_MW = 0.1       # value points per MW of capacity


def compile_assets(assets: list[Asset], locator: Locator) -> AssetTable:
    """The asset table; shipped places resolved by name, default values from population or capacity."""
    names, xs, ys, values, radii = [], [], [], [], []
    for i, asset in enumerate(assets):
        path = f"assets[{i}]"
        lat, lon, value = _position_and_value(asset, locator, path)
        x, y = locator.xy(lat, lon, path)
        names.append(asset.name)
        xs.append(x)
        ys.append(y)
        values.append(value)
        radii.append(asset.radius_km * 1000.0)
    check_unique(names, "assets", locator.file)
    return AssetTable(tuple(names), np.array(xs), np.array(ys), np.array(values), np.array(radii))


def _position_and_value(asset: Asset, locator: Locator, path: str) -> tuple[float, float, float]:
    if asset.lat is not None and asset.lon is not None:
        if asset.value is None:
            raise InputError("a custom asset needs a value", file=locator.file, path=f"{path}.value",
                             expected="a value in value points (0 or more)")
        return asset.lat, asset.lon, asset.value
    try:
        place = find_place(asset.place or asset.name, kinds=("city", "plant"))
    except InputError as exc:
        field = "place" if asset.place else "name"
        raise InputError(exc.detail, file=locator.file, path=f"{path}.{field}",
                         expected="a shipped city or power plant name, or give lat and lon",
                         hint=exc.hint) from None
    value = asset.value if asset.value is not None else _default_value(place)
    return place.lat, place.lon, value


def _default_value(place) -> float:
    if place.population is not None:
        return place.population * CITY_VALUE_PER_PERSON
    return (place.capacity_mw or 0.0) * PLANT_VALUE_PER_MW


def check_unique(names: list[str], section: str, file: str | None) -> None:
    """Refuse a repeated name within a section."""
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if name in seen:
            raise InputError(f"name '{name}' is used twice (also at {section}[{seen[name]}])", file=file,
                             path=f"{section}[{i}].name", expected="unique names")
        seen[name] = i
