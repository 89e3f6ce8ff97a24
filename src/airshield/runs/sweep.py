"""Sweeps: the Cartesian grid of ``--set`` overrides, each point a Monte Carlo run, one tidy table.

Like ``airshield run``, a sweep is stored by default: a folder under ``out`` holding each point
as a run folder (``point-000``, ...) and the table (``sweep.csv``, ``sweep.parquet``).
"""

from __future__ import annotations

import itertools
import json
import time
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from airshield.analysis import Estimate, headline_row
from airshield.analysis.measures import headline_measure
from airshield.errors import InputError
from airshield.progress import progress_callback
from airshield.runs.backends import Backend, open_backend
from airshield.runs.options import RunOptions
from airshield.runs.session import run_on
from airshield.runs.store import atomic_write_bytes
from airshield.safepaths import slug
from airshield.scenario import compose
from airshield.world import World, compile_world

SWEEP_METRICS = ("value_lost", "impacts", "leaked", "destroyed", "ew_lost", "defender_usd", "attacker_usd",
                 "interceptors_expended")


@dataclass(frozen=True)
class SweepResult:
    """The tidy table (one row per point and metric) and the sweep's folder (None if not stored)."""

    table: pd.DataFrame
    directory: Path | None


def grid(sets: list[tuple[str, list[Any]]]) -> list[dict[str, Any]]:
    """Every combination of the override values, as {path: value} points."""
    paths = [p for p, _ in sets]
    return [dict(zip(paths, combo)) for combo in itertools.product(*(values for _, values in sets))]


def sweep(source: str | Path, sets: list[tuple[str, list[Any]]], options: RunOptions | None = None, *,
          backend: Backend | None = None) -> SweepResult:
    """Run every point of the grid of ``sets`` with ``options`` (seed and replications default to the
    scenario's; ``progress`` counts points); stored under ``options.out`` when given."""
    return sweep_points(source, grid(sets), options, backend=backend)


def sweep_points(source: str | Path, points: list[dict[str, Any]], options: RunOptions | None = None, *,
                 backend: Backend | None = None, metrics_out: list[list] | None = None) -> SweepResult:
    """Like :func:`sweep` over an explicit list of {path: value} points; ``metrics_out``, if given,
    receives each point's per-replication metrics (replication order)."""
    options = options or RunOptions()
    worlds = _worlds(source, points)
    folder = _folder(options, worlds[0]) if options.out is not None and worlds else None
    rows = []
    opened = nullcontext(backend) if backend else open_backend(options.backend, options.workers, options.address)
    with opened as runner, progress_callback(options.progress, "sweep points") as progress:
        for number, (point, world) in enumerate(zip(points, worlds)):
            point_options = options.replace(out=folder, progress=False)
            result = run_on(world, point_options, runner, name=f"point-{number:03d}")
            rows.extend(point_rows(point, result.metrics))
            if metrics_out is not None:
                metrics_out.append(result.metrics)
            if progress:
                progress(number + 1, len(points))
    table = pd.DataFrame(rows)
    if folder is not None:
        _store(folder, table, points)
    return SweepResult(table, folder)


def _worlds(source: str | Path, points: list[dict[str, Any]]) -> list[World]:
    """Every point's World, compiled before anything runs or is stored."""
    base = compose(source)
    worlds = []
    for number, point in enumerate(points):
        try:
            worlds.append(compile_world(base.with_overrides(point)))
        except InputError as exc:
            raise InputError(f"sweep point {number + 1} of {len(points)}: {exc}") from None
    return worlds


def _folder(options: RunOptions, world: World) -> Path:
    seed = world.run.seed if options.seed is None else options.seed
    return Path(options.out) / f"{slug(world.name)}-sweep-{time.strftime('%Y%m%d-%H%M%S', time.gmtime())}-s{seed}"


def _store(folder: Path, table: pd.DataFrame, points: list[dict[str, Any]]) -> None:
    atomic_write_bytes(folder / "sweep.csv", table.to_csv(index=False).encode())
    atomic_write_bytes(folder / "sweep.parquet", table.to_parquet(index=False))
    listing = [{"point": f"point-{i:03d}", **p} for i, p in enumerate(points)]
    atomic_write_bytes(folder / "sweep.json", json.dumps({"points": listing}, indent=2, default=str).encode())


def point_rows(point: dict[str, Any], metrics: list) -> list[dict[str, Any]]:
    """One row per sweep metric: the point's parameters, metric, unit, mean, 95 % interval of the
    mean, 5th and 95th percentiles over replications, replications."""
    table = pd.DataFrame([headline_row(m) for m in metrics])
    out = []
    for name in SWEEP_METRICS:
        m = headline_measure(name)
        e = Estimate.of_mean(table[name].to_numpy(dtype=float), m)
        out.append({**point, "metric": name, "unit": m.unit, "mean": e.mean, "ci95_low": e.low, "ci95_high": e.high,
                    "p05": e.p05, "p95": e.p95, "replications": e.n})
    return out

