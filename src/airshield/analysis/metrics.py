"""Metrics of one replication, computed from its EventLog (and names and costs from the World)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from airshield.analysis.measures import COUNTS
from airshield.engine.eventlog import EVENT_KINDS
from airshield.world import World

OUTCOMES = {"kill": "destroyed", "ew_loss": "ew_lost", "failure": "failed", "impact": "leaked", "in_flight": "in_flight"}
COUNT_KEYS = COUNTS


@dataclass(frozen=True)
class ReplicationMetrics:
    """What one replication produced (the measures of :mod:`airshield.analysis.measures`).

    ``by_threat``: type -> {launched, destroyed, ew_lost, failed, leaked, in_flight} [-] (launched =
    the sum of the others);
    ``impacts``: leakers carrying a warhead [-]; ``interceptors``: munition -> {expended [rounds],
    cost_usd}; ``value_lost`` [value points] and ``value_lost_by_asset``; ``defender_usd``,
    ``attacker_usd``; ``unit_use``: unit name -> {engagements, rounds}.
    """

    by_threat: dict[str, dict[str, int]]
    impacts: int
    interceptors: dict[str, dict[str, float]]
    value_lost: float
    value_lost_by_asset: dict[str, float]
    defender_usd: float
    attacker_usd: float
    unit_use: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def totals(self) -> dict[str, int]:
        """Counts over all threat types [-], with ``impacts``."""
        total = {k: sum(row[k] for row in self.by_threat.values()) for k in COUNT_KEYS}
        total["impacts"] = self.impacts
        return total

    @property
    def interceptors_expended(self) -> int:
        """Interceptors fired over all munitions [rounds]."""
        return int(sum(row["expended"] for row in self.interceptors.values()))


def replication_metrics(world: World, log: pd.DataFrame) -> ReplicationMetrics:
    """The metrics of one replication's EventLog (counted with numpy on its integer columns)."""
    events = _Events(world, log)
    return ReplicationMetrics(
        by_threat=events.by_threat(), impacts=events.impacts(), interceptors=events.interceptors(),
        value_lost=float(events.value[events.of("damage")].sum()), value_lost_by_asset=events.value_by_asset(),
        defender_usd=float(events.cost[events.of("engage")].sum()), attacker_usd=events.attacker_cost(),
        unit_use=events.unit_use())


class _Events:
    """The EventLog's columns as arrays; names (kind, threat type, munition, unit) as positions in the
    World's tables (-1 for none), read from the log's label columns."""

    def __init__(self, world: World, log: pd.DataFrame):
        self.world = world
        self.kind = _codes(log["kind"], EVENT_KINDS)
        self.type = _codes(log["threat_type"], world.threat_types.key)
        self.munitions = tuple(sorted(set(world.weapons.munition)))
        self.munition = _codes(log["munition"], self.munitions)
        self.unit = _codes(log["unit_name"], world.units.name)
        self.rounds, self.cost = log["rounds"].to_numpy(dtype=int), log["cost_usd"].to_numpy(dtype=float)
        self.value, self.asset = log["value"].to_numpy(dtype=float), log["asset"].to_numpy(dtype=int)

    def of(self, kind: str) -> np.ndarray:
        """Mask of the events of ``kind``."""
        return self.kind == EVENT_KINDS.index(kind)

    def _per_type(self, kind: str) -> np.ndarray:
        return np.bincount(self.type[self.of(kind) & (self.type >= 0)], minlength=len(self.world.threat_types.key))

    def by_threat(self) -> dict[str, dict[str, int]]:
        counts = {"launched": self._per_type("launch")}
        for kind, key in OUTCOMES.items():
            counts[key] = self._per_type(kind)
        return {name: {k: int(counts[k][t]) for k in COUNT_KEYS} for t, name in enumerate(self.world.threat_types.key)}

    def impacts(self) -> int:
        hit = self.type[self.of("impact") & (self.type >= 0)]
        return int((~self.world.threat_types.harmless[hit]).sum())

    def interceptors(self) -> dict[str, dict[str, float]]:
        engage = self.of("engage") & (self.munition >= 0)
        n = len(self.munitions)
        rounds = np.bincount(self.munition[engage], weights=self.rounds[engage], minlength=n)
        cost = np.bincount(self.munition[engage], weights=self.cost[engage], minlength=n)
        return {self.munitions[m]: {"expended": int(rounds[m]), "cost_usd": float(cost[m])}
                for m in np.unique(self.munition[engage])}

    def value_by_asset(self) -> dict[str, float]:
        damage = self.of("damage")
        lost = np.bincount(self.asset[damage], weights=self.value[damage], minlength=len(self.world.assets.name))
        return {name: float(v) for name, v in zip(self.world.assets.name, lost)}

    def attacker_cost(self) -> float:
        launched = self.type[self.of("launch") & (self.type >= 0)]
        return float(np.asarray(self.world.threat_types.unit_cost)[launched].sum())

    def unit_use(self) -> dict[str, dict[str, int]]:
        engage = self.of("engage") & (self.unit >= 0)
        names = self.world.units.name
        count = np.bincount(self.unit[engage], minlength=len(names))
        rounds = np.bincount(self.unit[engage], weights=self.rounds[engage], minlength=len(names))
        return dict(sorted((names[u], {"engagements": int(count[u]), "rounds": int(rounds[u])})
                           for u in np.unique(self.unit[engage])))


def _codes(column: pd.Series, names) -> np.ndarray:
    """Each entry's position in ``names`` (-1 for a name not among them, such as "")."""
    return pd.Index(list(names)).get_indexer(column.astype(object)).astype(int)
