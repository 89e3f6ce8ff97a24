"""A finished run as the API returns it: the typed summary, what was kept, and views for people
(a short repr, an HTML table in notebooks, tidy pandas frames, xarray)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from airshield.analysis import ReplicationMetrics, RunSummary
from airshield.analysis.frames import metrics_frame, summary_frame
from airshield.numbers import format_number

if TYPE_CHECKING:
    from airshield.runs.store import RunStore
    from airshield.world import World


@dataclass(repr=False)
class RunResult:
    """A finished run: seed, replications, the typed summary, wall time [s], the backend, and what
    was kept in memory (per-replication metrics, event logs with lat/lon and timestamps); ``store``
    when the run was stored; ``world`` the World it ran."""

    seed: int
    replications: int
    summary: RunSummary
    wall_s: float
    backend: str = "local"
    workers: int = 1
    metrics: list[ReplicationMetrics] = field(default_factory=list)
    event_logs: list[pd.DataFrame] = field(default_factory=list)
    store: "RunStore | None" = None
    world: "World | None" = None

    @property
    def scenario(self) -> str:
        """The scenario's name."""
        return self.summary.scenario

    @property
    def run_dir(self) -> Path | None:
        """The run's folder, when stored."""
        return self.store.dir if self.store is not None else None

    def to_dict(self) -> dict:
        """The JSON-ready summary with seed, replications, units, timing and (if stored) the run folder."""
        return {"scenario": self.scenario, "seed": self.seed, **self.summary.to_dict(),
                "interval_method": self.summary.interval_method, "backend": self.backend, "workers": self.workers,
                "run_dir": str(self.run_dir) if self.run_dir else None,
                "timing": {"wall_s": self.wall_s, "per_replication_s": self.wall_s / max(self.replications, 1)}}

    def summary_frame(self) -> pd.DataFrame:
        """One row per summary measure with its unit (see :func:`airshield.analysis.frames.summary_frame`)."""
        return summary_frame(self.summary)

    def metrics_frame(self) -> pd.DataFrame:
        """One tidy row per replication and measure with its unit (the metrics kept in memory, or
        the stored ones)."""
        if self.metrics:
            return metrics_frame(self.metrics)
        if self.store is not None:
            from airshield.runs.stored import stored_metrics
            indices, metrics = stored_metrics(self.store)
            return metrics_frame(metrics, indices)
        return metrics_frame([])

    def to_xarray(self):
        """Per-replication metrics as an xarray Dataset (needs ``pip install 'airshield[xarray]'``)."""
        from airshield.analysis.xarray_export import metrics_dataset
        return metrics_dataset(self.metrics_frame(), scenario=self.scenario, seed=self.seed)

    def to_netcdf(self, path: str | Path) -> Path:
        """Write the per-replication metrics as netCDF (see :meth:`to_xarray`); returns the path."""
        from airshield.analysis.xarray_export import write_netcdf
        return write_netcdf(self.to_xarray(), Path(path))

    def __repr__(self) -> str:
        value = self.summary.value_lost
        stored = f", run_dir='{self.run_dir}'" if self.run_dir else ""
        return (f"RunResult(scenario='{self.scenario}', seed={self.seed}, replications={self.replications}, "
                f"value_lost={format_number(value.mean)} [{format_number(value.low)}, {format_number(value.high)}] "
                f"{value.unit}{stored})")

    def _repr_html_(self) -> str:
        from airshield.report.summary_html import summary_table_html
        return summary_table_html(self)
