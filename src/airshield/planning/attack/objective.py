"""What the attacker maximises, as a weight per asset: all value (``value``), the value of power
plants (``power``), or the value of one named asset (``city:NAME``)."""

from __future__ import annotations

import numpy as np

from airshield.errors import InputError, unknown_name
from airshield.geo import find_place
from airshield.world import World


def objective_weights(objective: str, world: World, document: dict, *, option: str = "--objective") -> np.ndarray:
    """(assets,) weight of each asset's value lost in the attacker's objective [-]."""
    names = world.assets.name
    if objective == "value":
        return np.ones(len(names))
    if objective == "power":
        weights = np.array([1.0 if _is_plant(a) else 0.0 for a in document["assets"]])
        if not weights.any():
            raise InputError("no power plant among the assets", path=option,
                             expected="assets naming shipped power plants, or another objective")
        return weights
    if objective.startswith("city:"):
        name = objective[5:]
        if name not in names:
            raise unknown_name("asset", name, names, path=option)
        return np.array([1.0 if n == name else 0.0 for n in names])
    raise InputError(f"unknown objective '{objective}'", path=option, expected="value, power or city:NAME")


def _is_plant(asset: dict) -> bool:
    """A shipped power plant (custom assets with lat/lon are not counted as plants)."""
    if asset.get("lat") is not None:
        return False
    try:
        return find_place(asset.get("place") or asset["name"], kinds=("city", "plant")).kind == "plant"
    except InputError:
        return False
