"""A stored run's per-replication metrics as a CSV or Parquet file (one row per replication)."""

from __future__ import annotations

import io
from pathlib import Path

from airshield.errors import InputError
from airshield.runs.store import RunStore

TABLE_FORMATS = {"csv": ("text/csv", ".csv"), "parquet": ("application/vnd.apache.parquet", ".parquet")}
"""format: (media type, file suffix)."""


def metrics_bytes(run: RunStore | str | Path, fmt: str = "csv") -> bytes:
    """The metrics table of ``run`` (columns as ``airshield.analysis.to_row`` names them) as CSV or Parquet."""
    if fmt not in TABLE_FORMATS:
        raise InputError(f"unknown table format '{fmt}'", path="format", expected="csv or parquet")
    store = run if isinstance(run, RunStore) else RunStore.open(Path(run))
    table = store.metrics()
    buffer = io.BytesIO()
    if fmt == "csv":
        table.to_csv(buffer, index=False)
    else:
        table.to_parquet(buffer, index=False)
    return buffer.getvalue()
