"""A placement problem: which units to place, where they may stand, what stays, and the laydowns built
from (type, site) pairs. Shared by the nominal and the robust placement."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from airshield.errors import InputError
from airshield.planning.common import Base, load_base, parse_counts, world_of
from airshield.planning.coverage import CoverageModel, build_model
from airshield.planning.laydowns import fixed_units, proportional, scenario_plus, templates, units_at
from airshield.planning.sites import Sites, file_sites, ring_sites, with_unit_sites
from airshield.world import World


@dataclass(frozen=True)
class PlacementProblem:
    """``counts`` units per placed type (``types`` sorted); candidate ``sites`` (the scenario's own units
    of those types first: own unit i stands at site i); ``fixed`` units of other types (they stay);
    ``template`` per type (stock, magazine, linked); ``own`` the scenario's units of the placed types."""

    base: Base
    world: World
    counts: dict[str, int]
    types: list[str]
    sites: Sites
    fixed: list[dict[str, Any]]
    template: dict[str, dict[str, Any]]
    own: list[dict[str, Any]]

    def own_sites(self) -> dict[str, list[int]]:
        """Per type, the sites of the scenario's own units (in scenario order)."""
        out: dict[str, list[int]] = {}
        for i, unit in enumerate(self.own):
            out.setdefault(unit["type"], []).append(i)
        return out

    def baselines(self) -> dict[str, list[tuple[str, int]]]:
        """(type, site) pairs of the baselines, each with exactly ``counts`` units."""
        return {"value-proportional": proportional(self.world, self.sites, self.counts),
                "scenario": scenario_plus(self.world, self.sites, self.own_sites(), self.counts)}

    def probes(self, pairs: list[tuple[str, int]]) -> np.ndarray:
        """Probe indices of the coverage model for (type, site) pairs."""
        return np.array([self.types.index(t) * len(self.sites) + s for t, s in pairs], dtype=int)

    def pairs(self, model: CoverageModel, probes: np.ndarray) -> list[tuple[str, int]]:
        """(type, site) pairs of probe indices, sorted."""
        return sorted((model.probe_type[u], int(model.probe_site[u])) for u in probes)

    def placed(self, pairs: list[tuple[str, int]], prefix: str) -> list[dict[str, Any]]:
        """The placed units of (type, site) pairs, named ``{prefix}-{type}-{n}``."""
        return units_at(self.sites, sorted(pairs), self.template, prefix)

    def laydown(self, pairs: list[tuple[str, int]], prefix: str) -> list[dict[str, Any]]:
        """Every fire unit: the fixed ones and the placed ones."""
        return self.fixed + self.placed(pairs, prefix)

    def model(self, document: dict[str, Any], *, seed: int, samples: int, what: str = "raid",
              asset_weights: np.ndarray | None = None) -> CoverageModel:
        """The coverage model of the sites against the raid of ``document`` (the problem's scenario with
        another raid, or itself), value lost weighted per asset by ``asset_weights`` (default all 1)."""
        label = self.base.label(what)
        world = world_of(document, label=label) if document is not self.base.document else self.world
        return build_model(world, document, self.sites, self.types, self.fixed, seed=seed, samples=samples,
                           label=label, asset_weights=asset_weights)


def placement_problem(source: str | Path, units: str | dict[str, int], *, candidates: str | Path | None,
                      rings_km: tuple[float, ...], bearings: int) -> PlacementProblem:
    """The problem of placing ``units`` (e.g. ``'patriot:4,gepard:20'``) in the scenario ``source``."""
    base = load_base(source)
    world = world_of(base.document, label=str(base.path))
    known = list(base.catalogue.effectors)
    counts = parse_counts(units, known, option="--units", kind="unit type") if isinstance(units, str) else dict(units)
    for t in counts:
        if t not in known:
            parse_counts(t, known, option="--units", kind="unit type")
    counts = {t: n for t, n in counts.items() if n > 0}
    if not counts:
        raise InputError("no units to place", path="--units", expected="at least one unit")
    types = sorted(counts)
    own = [u for u in base.document.get("fire_units", []) if u.get("type") in types]
    sites = file_sites(world, candidates) if candidates else ring_sites(world, tuple(rings_km), bearings)
    sites = with_unit_sites(world, sites, own)
    total = sum(counts.values())
    if total > len(sites):
        raise InputError(f"{total} units but only {len(sites)} candidate sites", path="--units",
                         expected="at most one unit per candidate site")
    return PlacementProblem(base, world, counts, types, sites, fixed_units(base.document, types),
                            templates(base.document, types), own)
