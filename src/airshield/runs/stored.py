"""Per-replication metrics of a stored run, read back from its flat Parquet rows."""

from __future__ import annotations

from airshield.analysis import ReplicationMetrics, from_row
from airshield.runs.store import RunStore


def stored_metrics(store: RunStore) -> tuple[list[int], list[ReplicationMetrics]]:
    """The replication indices a store holds and their metrics, in replication order."""
    rows = store.metrics().to_dict(orient="records")
    indices = [int(row.pop("replication")) for row in rows]
    return indices, [from_row(row) for row in rows]
