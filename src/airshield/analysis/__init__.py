"""Metrics per replication, the measures table, and their aggregation over a run."""

from airshield.analysis.accumulate import SummaryAccumulator
from airshield.analysis.estimate import Estimate
from airshield.analysis.flat import from_row, headline_row, to_row
from airshield.analysis.measures import MEASURES, Measure, measure
from airshield.analysis.metrics import ReplicationMetrics, replication_metrics
from airshield.analysis.run_summary import Cost, Counts, RunSummary, Shares, Spend, Totals, UnitUse
from airshield.analysis.stats import mean_interval, share_interval
from airshield.analysis.summary import summarise

__all__ = ["MEASURES", "Cost", "Counts", "Estimate", "Measure", "ReplicationMetrics", "RunSummary", "Shares", "Spend",
           "SummaryAccumulator", "Totals", "UnitUse", "from_row", "headline_row", "measure", "mean_interval",
           "replication_metrics", "share_interval", "summarise", "to_row"]
