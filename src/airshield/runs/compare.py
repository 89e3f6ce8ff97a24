"""Compare stored runs: one row per measure, one column per run (units in ``table.attrs["units"]``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from airshield.analysis import RunSummary, measure
from airshield.errors import InputError
from airshield.runs.store import RunStore


def compare_runs(directories: list[Path]) -> pd.DataFrame:
    """Headline measures of each complete run side by side; ``attrs["units"]``: measure -> unit."""
    columns, units = {}, {}
    for directory in directories:
        store = RunStore.open(directory)
        summary = store.summary()
        if summary is None:
            raise InputError("run is incomplete", file=str(directory), expected="a complete run (see --resume)")
        found = measures(RunSummary.from_dict(summary))
        columns[store.dir.name] = {name: value for name, (value, _) in found.items()}
        units.update({name: unit for name, (_, unit) in found.items()})
    table = pd.DataFrame(columns)
    table.index.name = "measure"
    table = table.reset_index()
    table = table.astype(object).where(table.notna(), None)  # undefined (an interval from 1 replication): null
    table.attrs["units"] = units
    return table


def measures(summary: RunSummary) -> dict[str, tuple[float, str]]:
    """The compared measures of a summary: name -> (value, unit)."""
    value, lost = summary.value_lost, measure("value_lost", "value_lost").unit
    out = {"replications": (summary.replications, "replications"), "value_lost_mean": (value.mean, lost),
           "value_lost_ci95_low": (value.low, lost), "value_lost_ci95_high": (value.high, lost),
           "value_lost_p05": (value.p05, lost), "value_lost_p95": (value.p95, lost)}
    for name, total in vars(summary.totals).items():
        out[f"threats_{name}" if name != "interceptors_expended" else name] = (total, measure("totals", name).unit)
    for name, cost in vars(summary.cost).items():
        out[name] = (cost, measure("cost", name).unit)
    for munition, spend in summary.interceptors.items():
        out[f"expended_{munition}"] = (spend.expended, measure("interceptors", "expended").unit)
    return out

