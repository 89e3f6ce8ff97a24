"""Aggregate replication metrics into the run summary."""

from __future__ import annotations

from collections.abc import Iterable

from airshield.analysis.accumulate import SummaryAccumulator
from airshield.analysis.metrics import ReplicationMetrics


def summarise(metrics: Iterable[ReplicationMetrics]) -> dict:
    """The summary over replications, in the given order. Counts and costs are means over
    replications; ``value_lost`` has the mean, the 5th and 95th percentiles over replications, and
    a 95 % normal-approximation interval on the mean (``ci95``)."""
    accumulator = SummaryAccumulator()
    for item in metrics:
        accumulator.add(item)
    return accumulator.summary()
