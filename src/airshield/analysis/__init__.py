"""Metrics per replication and their aggregation over a run."""

from airshield.analysis.metrics import ReplicationMetrics, replication_metrics
from airshield.analysis.summary import summarise

__all__ = ["ReplicationMetrics", "replication_metrics", "summarise"]
