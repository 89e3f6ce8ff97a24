"""Metrics of one replication, computed from its EventLog (and names and costs from the World)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from airshield.vocabulary import CARRIER, GLIDE_BOMB, THREAT_CLASSES
from airshield.world import World

OUTCOMES = {"kill": "destroyed", "ew_loss": "ew_lost", "failure": "failed", "impact": "leaked", "in_flight": "in_flight",
            "returned": "returned"}
COUNT_KEYS = ("launched", "destroyed", "ew_lost", "failed", "leaked", "in_flight", "returned")
CARRIER_KEYS = ("carrier_sorties", "carriers_lost", "bombs_released", "bombs_reached")
"""Totals over the carrier aircraft (sorties flown, shot down) and the glide bombs (released, reached
their target: leaked) of a replication [-]."""


@dataclass(frozen=True)
class ReplicationMetrics:
    """What one replication produced.

    ``by_threat``: type -> {launched, destroyed, ew_lost, failed, leaked, in_flight, returned} [-]
    (launched = the sum of the others; carrier aircraft are threats: launched = sorties, destroyed =
    shot down, returned = landed back); ``carrier_sorties``, ``carriers_lost``, ``bombs_released``,
    ``bombs_reached`` the totals of :data:`CARRIER_KEYS` [-];
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
    carrier_sorties: int = 0
    carriers_lost: int = 0
    bombs_released: int = 0
    bombs_reached: int = 0

    @property
    def totals(self) -> dict[str, int]:
        """Counts over all threat types [-], with ``impacts``."""
        total = {k: sum(row[k] for row in self.by_threat.values()) for k in COUNT_KEYS}
        total["impacts"] = self.impacts
        return total


def replication_metrics(world: World, log: pd.DataFrame) -> ReplicationMetrics:
    """The metrics of one replication's EventLog."""
    by_threat = _by_threat(world, log)
    return ReplicationMetrics(
        by_threat=by_threat, impacts=_impacts(world, log),
        interceptors=_interceptors(log), value_lost=float(log.loc[log.kind == "damage", "value"].sum()),
        value_lost_by_asset=_value_by_asset(world, log),
        defender_usd=float(log.loc[log.kind == "engage", "cost_usd"].sum()),
        attacker_usd=_attacker_cost(world, log), unit_use=_unit_use(log), **_carrier_counts(world, by_threat))


def _carrier_counts(world: World, by_threat: dict[str, dict[str, int]]) -> dict[str, int]:
    """Sorties flown and carriers shot down; glide bombs released and reaching their target."""
    classes = dict(zip(world.threat_types.key, (THREAT_CLASSES[c] for c in world.threat_types.class_index)))

    def total(cls: str, count: str) -> int:
        return sum(row[count] for key, row in by_threat.items() if classes[key] == cls)

    return {"carrier_sorties": total(CARRIER, "launched"), "carriers_lost": total(CARRIER, "destroyed"),
            "bombs_released": total(GLIDE_BOMB, "launched"), "bombs_reached": total(GLIDE_BOMB, "leaked")}


def _by_threat(world: World, log: pd.DataFrame) -> dict[str, dict[str, int]]:
    counts = {key: dict.fromkeys(COUNT_KEYS, 0) for key in world.threat_types.key}
    launched = log.loc[log.kind == "launch", "threat_type"].value_counts()
    for key, n in launched.items():
        counts[key]["launched"] = int(n)
    ends = log[log.kind.isin(list(OUTCOMES))]
    for (kind, key), n in ends.groupby(["kind", "threat_type"], observed=True).size().items():
        counts[key][OUTCOMES[kind]] += int(n)
    return counts


def _impacts(world: World, log: pd.DataFrame) -> int:
    harmless = {k for k, h in zip(world.threat_types.key, world.threat_types.harmless) if h}
    impacts = log.loc[log.kind == "impact", "threat_type"]
    return int((~impacts.isin(harmless)).sum())


def _interceptors(log: pd.DataFrame) -> dict[str, dict[str, float]]:
    fired = log[log.kind == "engage"].groupby("munition")[["rounds", "cost_usd"]].sum()
    return {str(m): {"expended": int(r.rounds), "cost_usd": float(r.cost_usd)} for m, r in fired.iterrows()}


def _value_by_asset(world: World, log: pd.DataFrame) -> dict[str, float]:
    lost = np.bincount(log.loc[log.kind == "damage", "asset"].to_numpy(dtype=int),
                       weights=log.loc[log.kind == "damage", "value"].to_numpy(), minlength=len(world.assets.name))
    return {name: float(v) for name, v in zip(world.assets.name, lost)}


def _attacker_cost(world: World, log: pd.DataFrame) -> float:
    """Weapons launched, and carrier aircraft shot down (an aircraft that lands is not spent) [USD]."""
    cost = dict(zip(world.threat_types.key, world.threat_types.unit_cost))
    carriers = {k for k, c in zip(world.threat_types.key, world.threat_types.carrier) if c}
    launched = log.loc[log.kind == "launch", "threat_type"]
    lost = log.loc[log.kind == "kill", "threat_type"]
    return float(sum(cost[k] for k in launched if k not in carriers) + sum(cost[k] for k in lost if k in carriers))


def _unit_use(log: pd.DataFrame) -> dict[str, dict[str, int]]:
    fired = log[log.kind == "engage"].groupby("unit_name")["rounds"].agg(["count", "sum"])
    return {str(u): {"engagements": int(r["count"]), "rounds": int(r["sum"])} for u, r in fired.iterrows()}
