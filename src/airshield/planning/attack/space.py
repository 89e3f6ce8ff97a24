"""The attacker's choices: how many threats of each type go from each launch site to each target.

A *lane* is one candidate wave: a threat type, a launch site and a target group. The target group is
one asset, or, for a wave of the scenario's own raid, that wave's own targets and rule (so the
scenario's raid is itself an allocation of the space). An allocation ``n`` (one count per lane) must
keep, for every type, the total within the inventory; for every site, the total within its launch
capacity; and the grand total within the night's capacity. The constraint matrix is the incidence of
lanes on types, sites and the night (a network matrix: the LP's vertices are whole numbers).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

import numpy as np

from airshield.catalogue import Catalogue
from airshield.scenario import compose
from airshield.world import World
from airshield.world.compile_attacker import AttackerMeans, compile_attacker
from airshield.world.locate import Locator

DEFAULT_TIMING = {"start_min": 0.0, "duration_min": 60.0}
TEMPLATE_DROP = ("name", "count", "threat", "launch", "targets", "target_choice")


@dataclass(frozen=True)
class Lane:
    """A candidate wave: ``threat`` from ``site`` (index into the means' sites) at ``target`` (an asset
    name, or ``raid wave i``); ``wave`` is the scenario wave written for it, without its count."""

    threat: str
    site: int
    target: str
    wave: dict[str, Any]


@dataclass(frozen=True)
class AttackSpace:
    """Lanes and the linear constraints ``A n <= limit`` (rows named in ``rows``) on their counts."""

    means: AttackerMeans
    lanes: tuple[Lane, ...]
    A: np.ndarray
    limit: np.ndarray
    rows: tuple[str, ...]
    scenario: np.ndarray

    def __len__(self) -> int:
        return len(self.lanes)

    def feasible(self, n: np.ndarray) -> bool:
        """True when ``n`` is whole, non-negative and within every limit."""
        n = np.asarray(n)
        return bool(np.all(n >= 0) and np.all(n == np.round(n)) and np.all(self.A @ n <= self.limit + 1e-9))

    def slack(self, n: np.ndarray) -> np.ndarray:
        """Room left in each constraint row [-]."""
        return self.limit - self.A @ np.asarray(n, dtype=float)

    def waves(self, n: np.ndarray) -> list[dict[str, Any]]:
        """The raid's waves of allocation ``n`` (lanes in order, empty lanes left out)."""
        out = []
        for lane, count in zip(self.lanes, np.asarray(n, dtype=int)):
            if count > 0:
                out.append({**copy.deepcopy(lane.wave), "count": int(count)})
        return out

    def raid(self, n: np.ndarray, name: str) -> dict[str, Any]:
        """A scenario ``raid`` section for allocation ``n``."""
        return {"name": name, "waves": self.waves(n)}

    def rows_of(self, n: np.ndarray) -> list[dict[str, Any]]:
        """One row per non-empty lane: threat, launch site key, target, count."""
        return [{"threat": lane.threat, "launch": self.means.sites[lane.site].key, "target": lane.target,
                 "count": int(c)} for lane, c in zip(self.lanes, np.asarray(n, dtype=int)) if c > 0]


def build_space(document: dict[str, Any], world: World, means: AttackerMeans, catalogue: Catalogue) -> AttackSpace:
    """Every lane the attacker can use, the scenario raid's lanes first (in wave order)."""
    raid_waves = document["raid"]["waves"]
    lanes: list[Lane] = []
    scenario_counts: list[int] = []
    site_of_wave = list(means.raid_sites)
    for i, (wave, site) in enumerate(zip(raid_waves, site_of_wave)):
        lanes.append(Lane(wave["threat"], site, f"raid wave {i + 1}",
                          {k: copy.deepcopy(v) for k, v in wave.items() if k != "count"}))
        scenario_counts.append(int(wave["count"]))
    asset_xy = dict(zip(world.assets.name, zip(world.assets.x, world.assets.y)))
    own = [(lane.threat, lane.site, lane.wave.get("targets")) for lane in lanes]  # single-target raid waves stand
    for s, site in enumerate(means.sites):
        for threat in site.threats:
            if means.inventory.get(threat, 0) <= 0:
                continue
            template = _template(raid_waves, site_of_wave, threat, s)
            reach = catalogue.threats[threat].range
            for target in means.targets:
                x, y = asset_xy[target]
                if np.hypot(x - site.x, y - site.y) > reach or (threat, s, [target]) in own:
                    continue
                wave = {"name": f"{threat} from {site.key} at {target}", "threat": threat,
                        "launch": copy.deepcopy(site.launch), **template, "targets": [target]}
                lanes.append(Lane(threat, s, target, wave))
    n_scenario = np.zeros(len(lanes))
    n_scenario[: len(scenario_counts)] = scenario_counts
    A, limit, rows = _constraints(lanes, means)
    return AttackSpace(means, tuple(lanes), A, limit, rows, n_scenario)


def _template(raid_waves: list[dict], site_of_wave: list[int], threat: str, site: int) -> dict[str, Any]:
    """Timing and other settings for a new wave: from the raid's wave of this type and site, else of this
    type, else defaults (start at 0, over 60 min)."""
    for match in (lambda w, s: w["threat"] == threat and s == site, lambda w, s: w["threat"] == threat):
        for wave, s in zip(raid_waves, site_of_wave):
            if match(wave, s):
                return {k: copy.deepcopy(v) for k, v in wave.items() if k not in TEMPLATE_DROP}
    return dict(DEFAULT_TIMING)


def _constraints(lanes: list[Lane], means: AttackerMeans) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Rows: one per inventory type, one per launch site, and the night (if limited)."""
    types = list(means.inventory)
    rows, limits, names = [], [], []
    for t in types:
        rows.append([1.0 if lane.threat == t else 0.0 for lane in lanes])
        limits.append(means.inventory[t])
        names.append(f"inventory {t}")
    for s, site in enumerate(means.sites):
        rows.append([1.0 if lane.site == s else 0.0 for lane in lanes])
        limits.append(site.capacity)
        names.append(f"launch capacity {site.key}")
    if means.night_capacity is not None:
        rows.append([1.0] * len(lanes))
        limits.append(means.night_capacity)
        names.append("night capacity")
    return np.array(rows, dtype=float).reshape(len(rows), len(lanes)), np.array(limits, dtype=float), tuple(names)


def resolve_means(document: dict[str, Any], world: World, catalogue: Catalogue, *, label: str) -> AttackerMeans:
    """The attacker's means of a scenario document (its ``attacker`` section, defaults from its raid)."""
    scenario = compose(document, file=label).scenario
    locator = Locator(world.projection, scenario.theatre.radius_km * 1000.0, label)
    return compile_attacker(scenario, catalogue, locator, world.assets)
