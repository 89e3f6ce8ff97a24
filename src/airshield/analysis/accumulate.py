"""A running summary: replications are added one at a time, in replication order, in bounded memory.

Means are kept as running sums (added in replication order, so a run gives the same floating-point
result whatever the number of workers); value lost is kept per replication (one float each) for its
percentiles and interval, and the replications with an impact are counted for their share.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from airshield.analysis.estimate import Estimate
from airshield.analysis.flat import to_row
from airshield.analysis.measures import COUNTS, column_measure, measure
from airshield.analysis.metrics import ReplicationMetrics
from airshield.analysis.run_summary import Cost, Counts, RunSummary, Shares, Spend, Totals, UnitUse
from airshield.analysis.stats import mean_interval

KEYED = ("by_threat", "interceptors", "unit_use", "value_lost_by_asset")


class SummaryAccumulator:
    """Sums of every metric column, the value lost of each replication, and the count of
    replications with at least one impact."""

    def __init__(self, scenario: str = "") -> None:
        self.scenario = scenario
        self.count = 0
        self.with_impact = 0
        self.sums: dict[str, float] = defaultdict(float)
        self.value_lost: list[float] = []
        self.keys: dict[str, list[str]] = {s: [] for s in KEYED}

    def add(self, metrics: ReplicationMetrics) -> None:
        """Fold in the next replication's metrics."""
        for column, value in to_row(metrics).items():
            if column not in self.sums:
                self._note_key(column)
            self.sums[column] += float(value)
        self.value_lost.append(float(metrics.value_lost))
        self.with_impact += int(metrics.impacts > 0)
        self.count += 1

    def _note_key(self, column: str) -> None:
        found = column_measure(column)
        if found is not None and found[0].section in KEYED and found[1] not in self.keys[found[0].section]:
            self.keys[found[0].section].append(found[1])

    def mean(self, column: str) -> float:
        """Mean of a flat column over the replications so far (0 where never reported)."""
        return self.sums.get(column, 0.0) / max(self.count, 1)

    def relative_width(self) -> float:
        """Width of the 95 % interval on mean value lost, relative to the mean [-] (inf if undefined)."""
        if self.count < 2:
            return float("inf")
        low, high = mean_interval(np.array(self.value_lost), lower=0.0)
        mean = float(np.mean(self.value_lost))
        return (high - low) / mean if mean > 0 else (0.0 if high == low else float("inf"))

    def _section(self, section: str, record, keys: list[str]) -> dict:
        names = [f.name for f in record.__dataclass_fields__.values()]
        return {k: record(**{n: self.mean(measure(section, n).column_of(k)) for n in names}) for k in keys}

    def summary(self) -> RunSummary:
        """The run summary (typed; ``to_dict`` for JSON)."""
        by_threat = self._section("by_threat", Counts, self.keys["by_threat"])
        interceptors = self._section("interceptors", Spend, sorted(self.keys["interceptors"]))
        by_asset = measure("value_lost_by_asset", "value_lost")
        counts = {k: sum(getattr(row, k) for row in by_threat.values()) for k in COUNTS}
        totals = Totals(**counts, impacts=self.mean("impacts"),
                        interceptors_expended=sum(s.expended for s in interceptors.values()))
        return RunSummary(
            scenario=self.scenario, replications=self.count, totals=totals, by_threat=by_threat,
            interceptors=interceptors, unit_use=self._section("unit_use", UnitUse, sorted(self.keys["unit_use"])),
            value_lost=Estimate.of_mean(self.value_lost, measure("value_lost", "value_lost")),
            value_lost_by_asset={a: self.mean(by_asset.column_of(a)) for a in self.keys["value_lost_by_asset"]},
            cost=Cost(self.mean("defender_usd"), self.mean("attacker_usd")),
            shares=Shares(Estimate.of_share(self.with_impact, self.count, measure("shares", "any_impact"))))
