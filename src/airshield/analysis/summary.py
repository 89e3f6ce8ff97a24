"""Aggregate replication metrics into the run summary."""

from __future__ import annotations

from collections.abc import Iterable

from airshield.analysis.accumulate import SummaryAccumulator
from airshield.analysis.metrics import ReplicationMetrics
from airshield.analysis.run_summary import RunSummary


def summarise(metrics: Iterable[ReplicationMetrics], scenario: str = "") -> RunSummary:
    """The summary over replications, in the given order. Counts, rounds and costs are means over
    replications; ``value_lost`` is an Estimate (mean, 5th and 95th percentiles over replications,
    95 % interval of the mean: see :mod:`airshield.analysis.stats`)."""
    accumulator = SummaryAccumulator(scenario)
    for item in metrics:
        accumulator.add(item)
    return accumulator.summary()
