"""Scenario documents with bought or delivered systems and rounds added: systems placed by the
coverage model (greedy, the scenario's units fixed), rounds shared over the magazines of the units
that carry the munition."""

from __future__ import annotations

import copy
from typing import Any

from airshield.planning.coverage import build_model
from airshield.planning.optimise import greedy
from airshield.planning.options import Option
from airshield.planning.sites import ring_sites
from airshield.planning.stocks import carried


class Mixer:
    """Scenario documents with a mix added (systems placed by the coverage model, rounds in magazines)."""

    def __init__(self, base, world, options: list[Option], seed: int, samples: int):
        self.base, self.world, self.options = base, world, options
        self.units = list(base.document.get("fire_units", []))
        types = sorted({o.key for o in options if o.kind == "system"})
        self.model = self.sites = None
        if types:
            self.sites = ring_sites(world)
            self.model = build_model(world, base.document, self.sites, types, self.units, seed=seed,
                                     samples=samples, label=str(base.path))

    def _place(self, counts: dict[str, int]) -> list[int]:
        """Probes for ``counts`` new systems: greedy on the coverage model, in batches of at most one
        unit per site (a second batch may share sites with the first)."""
        room, left, chosen = len(self.sites), dict(counts), []
        while any(left.values()):
            batch: dict[str, int] = {}
            for t in sorted(left):
                take = min(left[t], room - sum(batch.values()))
                if take > 0:
                    batch[t] = take
                    left[t] -= take
            chosen += list(greedy(self.model, batch))
        return chosen

    def document(self, steps: dict[int, int]) -> dict[str, Any]:
        units = copy.deepcopy(self.units)
        counts: dict[str, int] = {}
        for i, q in steps.items():
            o = self.options[i]
            if o.kind == "system" and q:
                counts[o.key] = counts.get(o.key, 0) + q * o.per_step
        if counts:
            number: dict[str, int] = {}
            for u in self._place(counts):
                t, s = self.model.probe_type[u], int(self.model.probe_site[u])
                number[t] = number.get(t, 0) + 1
                units.append({"name": f"new-{t}-{number[t]}", "type": t, "lat": float(self.sites.lat[s]),
                              "lon": float(self.sites.lon[s])})
        holders = carried(units, self.base.catalogue)
        for i, q in steps.items():
            o = self.options[i]
            if o.kind != "rounds" or not q or o.key not in holders:
                continue
            share, extra = divmod(q * o.per_step, len(holders[o.key]))
            for rank, j in enumerate(holders[o.key]):
                magazine = dict(units[j].get("magazine") or {})
                magazine[o.key] = magazine.get(o.key, 0) + share + (1 if rank < extra else 0)
                units[j]["magazine"] = magazine
        return dict(self.base.document, fire_units=units)
