"""ReplicationMetrics as one flat row (for Parquet tables) and back, and its headline numbers.

Column names come from the measures table (:mod:`airshield.analysis.measures`):
``by_threat/shahed-136/launched``, ``interceptors/pac-3-mse/expended``,
``value_lost_by_asset/Kyiv``, ``unit_use/gepard-1/rounds``, ``impacts``, ``value_lost``,
``defender_usd``, ``attacker_usd`` (the names stored runs have always used).
"""

from __future__ import annotations

from typing import Any

from airshield.analysis.measures import HEADLINE, Measure, column_measure, stored
from airshield.analysis.metrics import ReplicationMetrics

NESTED = ("by_threat", "interceptors", "unit_use")


def _cell(metrics: ReplicationMetrics, m: Measure, key: str | None) -> Any:
    if m.section in NESTED:
        return getattr(metrics, m.section)[key][m.name]
    if m.section == "value_lost_by_asset":
        return metrics.value_lost_by_asset[key]
    return getattr(metrics, m.name)


def _keys(metrics: ReplicationMetrics, m: Measure) -> list:
    return list(getattr(metrics, m.section)) if m.key else [None]


def to_row(metrics: ReplicationMetrics) -> dict[str, float]:
    """One flat mapping of column name -> number (grouped by section and key)."""
    row: dict[str, float] = {}
    for m in stored():
        if not m.key:
            row[m.column_of()] = _cell(metrics, m, None)
    for section in (*NESTED, "value_lost_by_asset"):
        group = [m for m in stored() if m.section == section]
        for key in _keys(metrics, group[0]):
            for m in group:
                row[m.column_of(key)] = _cell(metrics, m, key)
    return row


def from_row(row: dict[str, float]) -> ReplicationMetrics:
    """The ReplicationMetrics of a flat row (inverse of :func:`to_row`; NaN cells are absent)."""
    nested: dict[str, dict[str, dict[str, Any]]] = {s: {} for s in NESTED}
    scalars: dict[str, Any] = {}
    by_asset: dict[str, float] = {}
    for column, value in row.items():
        found = column_measure(column)
        if found is None or value != value:
            continue
        m, key = found
        value = int(value) if m.integer else float(value)
        if m.section in NESTED:
            nested[m.section].setdefault(key, {})[m.name] = value
        elif m.section == "value_lost_by_asset":
            by_asset[key] = value
        else:
            scalars[m.name] = value
    return ReplicationMetrics(by_threat=nested["by_threat"], interceptors=nested["interceptors"],
                              unit_use=nested["unit_use"], value_lost_by_asset=by_asset, **scalars)


def headline_row(metrics: ReplicationMetrics) -> dict[str, float]:
    """The replication's headline measures (totals, costs, value lost): name -> number."""
    totals = metrics.totals
    row = {}
    for m in HEADLINE:
        if m.name in totals:
            row[m.name] = totals[m.name]
        else:
            row[m.name] = getattr(metrics, m.name)
    return row
