"""Laydowns (lists of scenario fire units) for placement: the optimised one and the baselines."""

from __future__ import annotations

import copy
from typing import Any

import numpy as np

from airshield.planning.sites import Sites
from airshield.world import World


def templates(document: dict[str, Any], types: list[str]) -> dict[str, dict[str, Any]]:
    """Per type, the stock/magazine of the scenario's first unit of that type (default: the type's)."""
    out: dict[str, dict[str, Any]] = {t: {} for t in types}
    for unit in document.get("fire_units", []):
        t = unit.get("type")
        if t in out and not out[t]:
            out[t] = {k: copy.deepcopy(unit[k]) for k in ("stock", "magazine", "linked") if k in unit}
    return out


def fixed_units(document: dict[str, Any], types: list[str]) -> list[dict[str, Any]]:
    """The scenario's fire units that are not of a type being placed (they stay where they are)."""
    return [copy.deepcopy(u) for u in document.get("fire_units", []) if u.get("type") not in types]


def units_at(sites: Sites, placed: list[tuple[str, int]], template: dict[str, dict[str, Any]],
             prefix: str) -> list[dict[str, Any]]:
    """Fire-unit entries for (type, site) pairs, named ``{prefix}-{type}-{n}``."""
    count: dict[str, int] = {}
    units = []
    for t, s in placed:
        count[t] = count.get(t, 0) + 1
        units.append({"name": f"{prefix}-{t}-{count[t]}", "type": t, "lat": float(sites.lat[s]),
                      "lon": float(sites.lon[s]), **copy.deepcopy(template.get(t, {}))})
    return units


def proportional(world: World, sites: Sites, counts: dict[str, int], *,
                 used: set[int] | None = None) -> list[tuple[str, int]]:
    """Population(value)-proportional laydown: units of each type shared among assets in proportion
    to their value (largest remainder), each at the free candidate site nearest its asset (sites in
    ``used`` are taken; the set is updated)."""
    value = np.asarray(world.assets.value, dtype=float)
    share = value / value.sum() if value.sum() > 0 else np.full(len(value), 1 / len(value))
    used = set() if used is None else used
    placed: list[tuple[str, int]] = []
    for t in sorted(counts, key=lambda k: (-counts[k], k)):
        n = counts[t]
        quota = share * n
        alloc = np.floor(quota).astype(int)
        order = np.argsort(-(quota - alloc), kind="stable")
        alloc[order[: n - alloc.sum()]] += 1
        for a in np.argsort(-value, kind="stable"):
            for _ in range(alloc[a]):
                s = _nearest_free(world, sites, int(a), used)
                used.add(s)
                placed.append((t, s))
    return placed


def scenario_plus(world: World, sites: Sites, own_sites: dict[str, list[int]],
                  counts: dict[str, int]) -> list[tuple[str, int]]:
    """The scenario's own laydown with the placed units' number: of each type, the first ``counts[t]`` of
    the scenario's own units stay at their sites (``own_sites[t]``, in scenario order); extra units go
    to the free candidate sites nearest to the type's own units in turn, or, for a type the scenario
    does not have, by the value-proportional rule."""
    used = {s for t in counts for s in own_sites.get(t, [])[: counts[t]]}
    placed = [(t, s) for t in sorted(counts) for s in own_sites.get(t, [])[: counts[t]]]
    for t in sorted(counts):
        own = own_sites.get(t, [])
        extra = counts[t] - min(counts[t], len(own))
        if extra and not own:
            for _, s in proportional(world, sites, {t: extra}, used=used):
                placed.append((t, s))
            continue
        for k in range(extra):
            anchor = own[k % len(own)]
            s = _nearest_free_to(sites, sites.x[anchor], sites.y[anchor], used)
            used.add(s)
            placed.append((t, s))
    return placed


def _nearest_free(world: World, sites: Sites, asset: int, used: set[int]) -> int:
    return _nearest_free_to(sites, world.assets.x[asset], world.assets.y[asset], used)


def _nearest_free_to(sites: Sites, x: float, y: float, used: set[int]) -> int:
    d = np.hypot(sites.x - x, sites.y - y)
    for s in np.argsort(d, kind="stable"):
        if int(s) not in used:
            return int(s)
    raise RuntimeError("no free site")  # guarded: units <= sites is checked before
