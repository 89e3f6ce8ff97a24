"""ReplicationMetrics as one flat row (for Parquet tables) and back.

Column names join the nesting with '/': ``by_threat/shahed-136/launched``,
``interceptors/pac-3-mse/expended``, ``value_lost_by_asset/Kyiv``, ``unit_use/gepard-1/rounds``.
"""

from __future__ import annotations

from airshield.analysis.metrics import CARRIER_KEYS, ReplicationMetrics

SCALARS = ("impacts", "value_lost", "defender_usd", "attacker_usd", *CARRIER_KEYS)
NESTED = ("by_threat", "interceptors", "unit_use")


def to_row(metrics: ReplicationMetrics) -> dict[str, float]:
    """One flat mapping of column name -> number."""
    row: dict[str, float] = {name: getattr(metrics, name) for name in SCALARS}
    for section in NESTED:
        for key, values in getattr(metrics, section).items():
            for field, value in values.items():
                row[f"{section}/{key}/{field}"] = value
    for asset, value in metrics.value_lost_by_asset.items():
        row[f"value_lost_by_asset/{asset}"] = value
    return row


def from_row(row: dict[str, float]) -> ReplicationMetrics:
    """The ReplicationMetrics of a flat row (inverse of :func:`to_row`; NaN cells are absent)."""
    nested: dict[str, dict[str, dict[str, float]]] = {s: {} for s in NESTED}
    by_asset: dict[str, float] = {}
    for column, value in row.items():
        parts = column.split("/")
        if parts[0] in NESTED and len(parts) == 3 and value == value:
            cast = int if parts[0] in ("by_threat", "unit_use") or parts[2] == "expended" else float
            nested[parts[0]].setdefault(parts[1], {})[parts[2]] = cast(value)
        elif parts[0] == "value_lost_by_asset" and len(parts) == 2:
            by_asset[parts[1]] = float(value)
    return ReplicationMetrics(by_threat=nested["by_threat"], impacts=int(row["impacts"]),
                              interceptors=nested["interceptors"], value_lost=float(row["value_lost"]),
                              value_lost_by_asset=by_asset, defender_usd=float(row["defender_usd"]),
                              attacker_usd=float(row["attacker_usd"]), unit_use=nested["unit_use"],
                              **{k: _count(row.get(k)) for k in CARRIER_KEYS})


def _count(value) -> int:
    """A count cell, 0 where absent or NaN (rows stored before the column existed)."""
    return int(value) if value is not None and value == value else 0
