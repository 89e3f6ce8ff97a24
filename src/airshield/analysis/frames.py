"""Tidy pandas tables of a run: one row per replication and measure, or per summary measure."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict

import pandas as pd

from airshield.analysis.estimate import Estimate
from airshield.analysis.flat import headline_row, to_row
from airshield.analysis.measures import MEASURES, column_measure, measure
from airshield.analysis.metrics import ReplicationMetrics
from airshield.analysis.run_summary import RunSummary

METRIC_COLUMNS = ["replication", "section", "key", "measure", "value", "unit"]
SUMMARY_COLUMNS = ["section", "key", "measure", "mean", "ci95_low", "ci95_high", "p05", "p95", "n", "unit"]


def metrics_frame(metrics: Sequence[ReplicationMetrics], replications: Iterable[int] | None = None) -> pd.DataFrame:
    """One row per replication and measure: replication, section, key (threat type, munition,
    fire unit, asset; empty for totals), measure, value, unit. Derived measures (totals over
    threat types, ``any_impact`` as 0 or 1) are included."""
    indices = list(replications) if replications is not None else range(len(metrics))
    derived = [m for m in MEASURES if m.column is None]
    rows = []
    for index, item in zip(indices, metrics):
        for column, value in to_row(item).items():
            m, key = column_measure(column)
            rows.append((index, m.section, key or "", m.name, float(value), m.unit))
        values = {**headline_row(item), "any_impact": float(item.impacts > 0)}
        rows += [(index, m.section, "", m.name, float(values[m.name]), m.unit) for m in derived]
    return pd.DataFrame(rows, columns=METRIC_COLUMNS)


def summary_frame(summary: RunSummary) -> pd.DataFrame:
    """One row per summary measure: section, key, measure, mean, 95 % interval, percentiles, n, unit
    (intervals and percentiles only where the summary has them: value lost and shares)."""
    rows = [_row("totals", "", name, value) for name, value in asdict(summary.totals).items()]
    for section in ("by_threat", "interceptors", "unit_use"):
        for key, record in getattr(summary, section).items():
            rows += [_row(section, key, name, value) for name, value in asdict(record).items()]
    rows += [_row("value_lost_by_asset", key, "value_lost", value) for key, value in summary.value_lost_by_asset.items()]
    rows += [_row("cost", "", name, value) for name, value in asdict(summary.cost).items()]
    rows.append(_estimate_row("value_lost", "value_lost", summary.value_lost))
    rows.append(_estimate_row("shares", "any_impact", summary.shares.any_impact))
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def _row(section: str, key: str, name: str, value: float) -> tuple:
    return (section, key, name, float(value), math.nan, math.nan, math.nan, math.nan, None,
            measure(section, name).unit)


def _estimate_row(section: str, name: str, estimate: Estimate) -> tuple:
    return (section, "", name, estimate.mean, estimate.low, estimate.high, estimate.p05, estimate.p95, estimate.n,
            estimate.unit)


def measure_descriptions() -> pd.DataFrame:
    """The measures table as a DataFrame: section, measure, column, unit, kind, key, description."""
    return pd.DataFrame([(m.section, m.name, m.column or "(derived)", m.unit, m.kind, m.key or "", m.description)
                         for m in MEASURES],
                        columns=["section", "measure", "column", "unit", "kind", "key", "description"])
