"""Metrics per replication and their aggregation over a run."""

from airshield.analysis.accumulate import SummaryAccumulator
from airshield.analysis.flat import from_row, to_row
from airshield.analysis.metrics import ReplicationMetrics, replication_metrics
from airshield.analysis.stats import mean_interval
from airshield.analysis.summary import summarise

__all__ = ["ReplicationMetrics", "SummaryAccumulator", "from_row", "mean_interval", "replication_metrics",
           "summarise", "to_row"]
