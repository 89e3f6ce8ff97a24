"""Sweeps: the Cartesian grid of ``--set`` overrides, each point a Monte Carlo run, one tidy table."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from airshield.analysis import mean_interval, to_row
from airshield.errors import InputError
from airshield.runs.backends import Backend, SerialBackend
from airshield.runs.runner import run_monte_carlo
from airshield.scenario import compose
from airshield.world import compile_world

SWEEP_METRICS = ("value_lost", "impacts", "leaked", "destroyed", "ew_lost", "defender_usd", "attacker_usd",
                 "interceptors_expended")


def grid(sets: list[tuple[str, list[Any]]]) -> list[dict[str, Any]]:
    """Every combination of the override values, as {path: value} points."""
    paths = [p for p, _ in sets]
    return [dict(zip(paths, combo)) for combo in itertools.product(*(values for _, values in sets))]


def sweep(source: str | Path, sets: list[tuple[str, list[Any]]], *, seed: int, replications: int,
          backend: Backend | None = None, progress: Callable[[int, int], None] | None = None) -> pd.DataFrame:
    """Tidy table: one row per (point, metric) with the parameters, mean, 95 % interval and percentiles."""
    return sweep_points(source, grid(sets), seed=seed, replications=replications, backend=backend, progress=progress)


def sweep_points(source: str | Path, points: list[dict[str, Any]], *, seed: int, replications: int,
                 backend: Backend | None = None, progress: Callable[[int, int], None] | None = None,
                 rows_out: list[list[dict[str, float]]] | None = None) -> pd.DataFrame:
    """Like :func:`sweep` over an explicit list of {path: value} points; ``rows_out``, if given,
    receives each point's per-replication metric rows (replication order)."""
    base = compose(source)
    rows = []
    for number, point in enumerate(points):
        try:
            world = compile_world(base.with_overrides(point))
        except InputError as exc:
            raise InputError(f"sweep point {number + 1} of {len(points)}: {exc}") from None
        result = run_monte_carlo(world, seed=seed, replications=replications, backend=backend or SerialBackend(),
                                 keep_in_memory=True)
        point_rows = [to_row(m) for m in result.metrics]
        if rows_out is not None:
            rows_out.append(point_rows)
        rows.extend(_point_rows(point, point_rows))
        if progress:
            progress(number + 1, len(points))
    return pd.DataFrame(rows)


def _point_rows(point: dict[str, Any], rows: list[dict[str, float]]) -> list[dict[str, Any]]:
    table = pd.DataFrame(rows).fillna(0.0)
    derived = {
        "value_lost": table["value_lost"], "impacts": table["impacts"],
        "defender_usd": table["defender_usd"], "attacker_usd": table["attacker_usd"],
        "leaked": _sum_like(table, "by_threat/", "/leaked"), "destroyed": _sum_like(table, "by_threat/", "/destroyed"),
        "ew_lost": _sum_like(table, "by_threat/", "/ew_lost"),
        "interceptors_expended": _sum_like(table, "interceptors/", "/expended"),
    }
    out = []
    for metric in SWEEP_METRICS:
        values = derived[metric].to_numpy(dtype=float)
        low, high = mean_interval(values)
        out.append({**point, "metric": metric, "mean": float(values.mean()), "ci95_low": low, "ci95_high": high,
                    "p05": float(np.percentile(values, 5)), "p95": float(np.percentile(values, 95)),
                    "replications": len(values)})
    return out


def _sum_like(table: pd.DataFrame, prefix: str, suffix: str) -> pd.Series:
    columns = [c for c in table.columns if c.startswith(prefix) and c.endswith(suffix)]
    return table[columns].sum(axis=1) if columns else pd.Series(np.zeros(len(table)))
