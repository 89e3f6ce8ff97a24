"""A running summary: replications are added one at a time, in replication order, in bounded memory.

Means are kept as running sums (added in replication order, so a run gives the same floating-point
result whatever the number of workers); value lost is kept per replication (one float each) for its
percentiles and interval.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from airshield.analysis.flat import to_row
from airshield.analysis.metrics import CARRIER_KEYS, COUNT_KEYS, ReplicationMetrics
from airshield.analysis.stats import mean_interval


class SummaryAccumulator:
    """Sums of every metric column and the list of value lost per replication."""

    def __init__(self) -> None:
        self.count = 0
        self.sums: dict[str, float] = defaultdict(float)
        self.value_lost: list[float] = []
        self.columns: list[str] = []

    def add(self, metrics: ReplicationMetrics) -> None:
        """Fold in the next replication's metrics."""
        for column, value in to_row(metrics).items():
            if column not in self.sums:
                self.columns.append(column)
            self.sums[column] += float(value)
        self.value_lost.append(float(metrics.value_lost))
        self.count += 1

    def mean(self, column: str) -> float:
        """Mean of a flat column over the replications so far (0 where never reported)."""
        return self.sums.get(column, 0.0) / max(self.count, 1)

    def relative_width(self) -> float:
        """Width of the 95 % interval on mean value lost, relative to the mean [-] (inf if undefined)."""
        if self.count < 2:
            return float("inf")
        low, high = mean_interval(np.array(self.value_lost))
        mean = float(np.mean(self.value_lost))
        return (high - low) / mean if mean > 0 else (0.0 if high == low else float("inf"))

    def summary(self) -> dict:
        """The run summary (same layout as :func:`airshield.analysis.summarise`)."""
        value = np.array(self.value_lost)
        sections = _sections(self.columns)
        counts = {key: {k: self.mean(f"by_threat/{key}/{k}") for k in COUNT_KEYS} for key in sections["by_threat"]}
        totals = {k: sum(row[k] for row in counts.values()) for k in COUNT_KEYS}
        totals["impacts"] = self.mean("impacts")
        return {
            "replications": self.count,
            "totals": totals,
            "by_threat": counts,
            "interceptors": {m: {"expended": self.mean(f"interceptors/{m}/expended"),
                                 "cost_usd": self.mean(f"interceptors/{m}/cost_usd")}
                             for m in sorted(sections["interceptors"])},
            "value_lost": {"mean": float(value.mean()), "p05": float(np.percentile(value, 5)),
                           "p95": float(np.percentile(value, 95)), "ci95": mean_interval(value)},
            "value_lost_by_asset": {a: self.mean(f"value_lost_by_asset/{a}") for a in sections["value_lost_by_asset"]},
            "cost": {"defender_usd": self.mean("defender_usd"), "attacker_usd": self.mean("attacker_usd")},
            "unit_use": {u: {"engagements": self.mean(f"unit_use/{u}/engagements"),
                             "rounds": self.mean(f"unit_use/{u}/rounds")} for u in sorted(sections["unit_use"])},
            "carriers": {k: self.mean(k) for k in CARRIER_KEYS},
        }


def _sections(columns: list[str]) -> dict[str, list[str]]:
    """Keys seen per section, in first-seen order."""
    found: dict[str, list[str]] = {s: [] for s in ("by_threat", "interceptors", "unit_use", "value_lost_by_asset")}
    for column in columns:
        parts = column.split("/")
        if parts[0] in found and parts[1] not in found[parts[0]]:
            found[parts[0]].append(parts[1])
    return found
