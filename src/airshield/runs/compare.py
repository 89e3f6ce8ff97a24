"""Compare stored runs: one row per measure, one column per run."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from airshield.errors import InputError
from airshield.runs.store import RunStore


def compare_runs(directories: list[Path]) -> pd.DataFrame:
    """Headline measures of each complete run side by side."""
    columns = {}
    for directory in directories:
        store = RunStore.open(directory)
        summary = store.summary()
        if summary is None:
            raise InputError("run is incomplete", file=str(directory), expected="a complete run (see --resume)")
        columns[store.dir.name] = _measures(summary)
    table = pd.DataFrame(columns)
    table.index.name = "measure"
    return table.reset_index()


def _measures(summary: dict) -> dict[str, float]:
    value = summary["value_lost"]
    measures = {"replications": summary["replications"], "value_lost_mean": value["mean"],
                "value_lost_ci95_low": value["ci95"][0], "value_lost_ci95_high": value["ci95"][1],
                "value_lost_p05": value["p05"], "value_lost_p95": value["p95"],
                **{f"threats_{k}": v for k, v in summary["totals"].items()},
                "defender_usd": summary["cost"]["defender_usd"], "attacker_usd": summary["cost"]["attacker_usd"]}
    for munition, row in summary["interceptors"].items():
        measures[f"expended_{munition}"] = row["expended"]
    return measures
