"""The typed summary of a run: frozen records whose fields are the measures of
:mod:`airshield.analysis.measures` (a test keeps the two equal).

Counts, rounds and money are means over replications per raid; value lost is an
:class:`~airshield.analysis.estimate.Estimate` (mean, 95 % interval of the mean, percentiles, n,
method). ``to_dict`` gives the JSON summary (the keys stored runs, the web app and scripts read),
with the scenario's name and the units of every measure.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any

from airshield.analysis.estimate import Estimate
from airshield.analysis.measures import measure, units
from airshield.analysis.stats import PERCENTILE_METHOD


@dataclass(frozen=True)
class Counts:
    """Threats per raid by outcome [threats] (means over replications)."""

    launched: float
    destroyed: float
    ew_lost: float
    failed: float
    leaked: float
    in_flight: float


@dataclass(frozen=True)
class Totals(Counts):
    """Counts over all threat types [threats], ``impacts`` [threats] and ``interceptors_expended`` [rounds]."""

    impacts: float = 0.0
    interceptors_expended: float = 0.0


@dataclass(frozen=True)
class Spend:
    """Interceptors of one munition per raid: ``expended`` [rounds], ``cost_usd`` [USD]."""

    expended: float
    cost_usd: float


@dataclass(frozen=True)
class UnitUse:
    """One fire unit per raid: ``engagements`` [engagements], ``rounds`` [rounds]."""

    engagements: float
    rounds: float


@dataclass(frozen=True)
class Cost:
    """Money per raid [USD]: the defender's interceptors and the attacker's weapons."""

    defender_usd: float
    attacker_usd: float

    @property
    def exchange_ratio(self) -> float:
        """Defender spend / attacker spend [-] (NaN when the attacker spent nothing)."""
        return self.defender_usd / self.attacker_usd if self.attacker_usd else math.nan


@dataclass(frozen=True)
class Shares:
    """Shares of replications with their Wilson intervals."""

    any_impact: Estimate


@dataclass(frozen=True)
class RunSummary:
    """What a run produced, over its replications (see the module doc)."""

    scenario: str
    replications: int
    totals: Totals
    by_threat: dict[str, Counts]
    interceptors: dict[str, Spend]
    unit_use: dict[str, UnitUse]
    value_lost: Estimate
    value_lost_by_asset: dict[str, float]
    cost: Cost
    shares: Shares

    @property
    def interval_method(self) -> str:
        """How the intervals were computed."""
        return (f"value_lost.ci95: {self.value_lost.method}; shares: {self.shares.any_impact.method}; "
                f"{PERCENTILE_METHOD}")

    def to_dict(self) -> dict[str, Any]:
        """The JSON summary: scenario, replications, totals, by_threat, interceptors, value_lost
        (mean, p05, p95, ci95, n, method, unit), value_lost_by_asset, cost, unit_use, shares, units."""
        return {"scenario": self.scenario, "replications": self.replications, "totals": asdict(self.totals),
                "by_threat": {k: asdict(v) for k, v in self.by_threat.items()},
                "interceptors": {k: asdict(v) for k, v in self.interceptors.items()},
                "value_lost": self.value_lost.to_dict(), "value_lost_by_asset": dict(self.value_lost_by_asset),
                "cost": asdict(self.cost), "unit_use": {k: asdict(v) for k, v in self.unit_use.items()},
                "shares": {"any_impact": self.shares.any_impact.to_dict()}, "units": units()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RunSummary":
        """The summary of a JSON summary (:meth:`to_dict`), also one stored by an older version."""
        shares = (data.get("shares") or {}).get("any_impact")
        share_unit = measure("shares", "any_impact").unit
        return cls(
            scenario=str(data.get("scenario") or ""), replications=int(data.get("replications", 0)),
            totals=_record(Totals, data.get("totals", {})),
            by_threat={k: _record(Counts, v) for k, v in data.get("by_threat", {}).items()},
            interceptors={k: _record(Spend, v) for k, v in data.get("interceptors", {}).items()},
            unit_use={k: _record(UnitUse, v) for k, v in data.get("unit_use", {}).items()},
            value_lost=Estimate.from_dict(data.get("value_lost", {}), unit=measure("value_lost", "value_lost").unit),
            value_lost_by_asset={k: float(v) for k, v in data.get("value_lost_by_asset", {}).items()},
            cost=_record(Cost, data.get("cost", {})),
            shares=Shares(Estimate.from_dict(shares, unit=share_unit) if shares else
                          Estimate(math.nan, math.nan, math.nan, math.nan, math.nan, 0, "", share_unit)))


def _record(kind, data: dict[str, Any]):
    """A section record from a mapping; fields an older summary lacks are 0."""
    return kind(**{f.name: float(data.get(f.name, 0.0)) for f in fields(kind)})
