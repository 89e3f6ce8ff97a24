"""Sharing a national pool of rounds per munition among the fire units for one night."""

from __future__ import annotations

import copy
from typing import Any

from airshield.catalogue import Catalogue


def carried(units: list[dict[str, Any]], catalogue: Catalogue) -> dict[str, list[int]]:
    """Munition key -> indices of the units whose type carries it."""
    out: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        for munition in catalogue.get_effector(unit["type"]).munitions:
            out.setdefault(munition.key, []).append(i)
    return out


def scenario_rounds(units: list[dict[str, Any]], catalogue: Catalogue) -> dict[str, int]:
    """Rounds per munition the scenario's units hold (loaded + magazine) [rounds]."""
    total: dict[str, int] = {}
    for unit in units:
        effector = catalogue.get_effector(unit["type"])
        stock = unit.get("stock") or _default_stock(effector)
        for key, n in list(stock.items()) + list((unit.get("magazine") or {}).items()):
            total[key] = total.get(key, 0) + int(n)
    return total


def _default_stock(effector) -> dict[str, int]:
    share, extra = divmod(effector.capacity, len(effector.munitions))
    return {m.key: share + (1 if i < extra else 0) for i, m in enumerate(effector.munitions)}


def arm(units: list[dict[str, Any]], pool: dict[str, int], catalogue: Catalogue) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Units loaded from ``pool``: each munition's pool split evenly over the units carrying it, loaded
    up to the unit's usual load of that munition, the rest in its magazine. Units left with no
    rounds stay home. Returns (units, rounds issued per munition) -- issued equals the pool."""
    armed = [dict(copy.deepcopy(u), stock={}, magazine={}) for u in units]
    issued: dict[str, int] = {}
    for key, holders in carried(units, catalogue).items():
        rounds = int(pool.get(key, 0))
        share, extra = divmod(rounds, len(holders))
        for rank, i in enumerate(holders):
            allot = share + (1 if rank < extra else 0)
            effector = catalogue.get_effector(units[i]["type"])
            usual = (units[i].get("stock") or _default_stock(effector)).get(key, 0)
            loaded = min(allot, usual)
            armed[i]["stock"][key] = loaded
            armed[i]["magazine"][key] = allot - loaded
            issued[key] = issued.get(key, 0) + allot
    keep = [u for u in armed if sum(u["stock"].values()) + sum(u["magazine"].values()) > 0]
    return keep, issued
