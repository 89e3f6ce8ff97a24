"""Sweeps and placement plans started from the page: run on the job queue's thread, written to the plans
folder (so that they are listed with the CLI's plans), counted replication by replication for the progress bar.

The scenario is always the World the server compiled from a name or text it accepted (``extends`` only to
built-in scenarios or files in its folders): its resolved document is written into the plan's folder and
the planners read that file, never a path the client named.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from airshield.runs.backends.local import SerialBackend
from airshield.runs.options import RunOptions
from airshield.runs.store import atomic_write_bytes
from airshield.safepaths import inside, slug
from airshield.world import World

Progress = Callable[[int, int], None]


class CountingBackend(SerialBackend):
    """Replications in this thread, each reported to ``progress(done, total)`` (which may cancel)."""

    def __init__(self, progress: Progress, total: int):
        self.progress, self.total, self.done = progress, total, 0

    def run(self, world: World, seed: int, indices: Sequence[int], keep_events: bool):
        for result in super().run(world, seed, indices, keep_events):
            self.done += 1
            self.progress(min(self.done, self.total), self.total)
            yield result


def plan_folder(root: Path, kind: str, scenario: str) -> Path:
    """A new folder ``<kind>-<scenario slug>-<time>`` directly under the plans folder ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    name = f"{kind}-{slug(scenario, max_length=40)}-{time.strftime('%Y%m%d-%H%M%S')}-{time.time_ns() % 1_000_000:06d}"
    folder = inside(root, name, kind="plan")
    folder.mkdir()
    return folder


def write_input(folder: Path, world: World) -> Path:
    """The resolved scenario document the planner reads, as ``input.yaml`` in the plan's folder."""
    path = folder / "input.yaml"
    atomic_write_bytes(path, yaml.safe_dump(dict(world.document), sort_keys=False, allow_unicode=True).encode())
    return path


def sweep_task(root: Path, world: World, scenario: str, sets: list[tuple[str, list[Any]]], *, seed: int,
               replications: int) -> Callable[[Progress], dict]:
    """A job task: the grid of ``sets`` on ``world``'s scenario; writes ``sweep.csv`` and ``plan.json``."""
    from airshield.runs.sweep import grid, sweep_points

    points = grid(sets)

    def task(progress: Progress) -> dict:
        folder = plan_folder(root, "sweep", scenario)
        source = write_input(folder, world)
        backend = CountingBackend(progress, len(points) * replications)
        options = RunOptions(seed=seed, replications=replications, progress=False)
        table = sweep_points(source, points, options, backend=backend).table
        rows = json.loads(table.to_json(orient="records"))
        buffer = io.StringIO()
        table.to_csv(buffer, index=False)
        atomic_write_bytes(folder / "sweep.csv", buffer.getvalue().encode())
        record = {"kind": "sweep", "scenario": scenario, "written": time.strftime("%Y-%m-%dT%H:%M:%S"),
                  "settings": {"set": {p: v for p, v in sets}, "seed": seed, "replications": replications},
                  "results": {"rows": rows}}
        atomic_write_bytes(folder / "plan.json", json.dumps(record, indent=2).encode())
        return {"plan": folder.name, "rows": rows}

    return task


def placement_task(root: Path, world: World, scenario: str, units: dict[str, int], *, seed: int,
                   replications: int, samples: int) -> Callable[[Progress], dict]:
    """A job task: :func:`airshield.planning.placement.plan_placement` with its map; verified by simulation."""
    from airshield.planning.placement import plan_placement

    def task(progress: Progress) -> dict:
        folder = plan_folder(root, "placement", scenario)
        source = write_input(folder, world)
        backend = CountingBackend(progress, 3 * replications)
        result = plan_placement(source, units, replications=replications, seed=seed, samples=samples,
                                time_limit=30.0, out=folder, backend=backend)
        _public_record(folder / "plan.json", root, scenario)
        return {"plan": folder.name, "table": [list(row) for row in result.table()]}

    return task


def _public_record(record: Path, root: Path, scenario: str) -> None:
    """Rewrite the plan record so that it names files relative to the plans folder, not by server paths,
    and the scenario by its name."""
    data = json.loads(record.read_text(encoding="utf-8").replace(json.dumps(str(root))[1:-1] + "/", ""))
    data["scenario"] = scenario
    atomic_write_bytes(record, json.dumps(data, indent=2).encode("utf-8"))

