"""Simulate each recorded raid once against the defence of its date; keep counts per replication.

The simulation does not depend on the fitted statistical parameters, so every raid is simulated
once per validation and reused by every rolling recalibration. Raids run in parallel on a backend
(one task per raid: compile its World, run its replications serially).

Counts are mapped to what the Air Force reports (assumption, pledges-and-timeline.md caveat 4:
"locationally lost" includes drones jammed, decoys that crash or leave the radar picture):
``destroyed`` = shot down; ``lost`` = EW-lost + failed on their own + decoys that reached the end
of their flight (no warhead, so no hit is reported).
"""

from __future__ import annotations

import hashlib
import json
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from airshield.catalogue import load_catalogue
from airshield.history.forecast.dated import DatedDefence
from airshield.history.params import GROUP_OF_CLASS
from airshield.history.replay import build_world, replay_document
from airshield.history.spec import RaidSpec
from airshield.runs import run_monte_carlo
from airshield.runs.options import RunOptions

COUNTS = ("launched", "destroyed", "lost")


@dataclass(frozen=True)
class SimTask:
    """One raid to simulate: its spec, the defence of its date, replications [-] and base seed."""

    spec: RaidSpec
    defence: DatedDefence
    replications: int
    seed: int


@dataclass(frozen=True)
class RaidSim:
    """Per group: an array (replications, 3) of launched, destroyed, lost counts [-]; wall time in the worker [s]."""

    raid_id: str
    counts: dict[str, np.ndarray]
    seconds: float


def raid_seed(seed: int, raid_id: str) -> int:
    """A raid's own seed: the same for the same raid whatever the order or set of raids simulated."""
    return (seed * 1_000_003 + zlib.crc32(raid_id.encode())) % 2**31


def simulate_raid(task: SimTask) -> RaidSim:
    """Run one raid's replications (module-level so that process backends can pickle it)."""
    start = time.perf_counter()
    document = replay_document(task.spec, task.defence.laydown, task.defence.params)
    if not document["raid"]["waves"]:
        return RaidSim(task.spec.id, {}, time.perf_counter() - start)
    world = build_world(document, f"replay of {task.spec.id}")
    result = run_monte_carlo(world, RunOptions(seed=raid_seed(task.seed, task.spec.id), replications=task.replications))
    catalogue = load_catalogue(document.get("catalogue") or None)
    per_rep = [reported_counts(m.by_threat, catalogue) for m in result.metrics]
    groups = sorted({g for rep in per_rep for g in rep})
    counts = {g: np.array([rep.get(g, (0.0, 0.0, 0.0)) for rep in per_rep], dtype=float) for g in groups}
    return RaidSim(task.spec.id, counts, time.perf_counter() - start)


def reported_counts(by_threat: dict, catalogue) -> dict[str, tuple[float, float, float]]:
    """Launched, destroyed, lost per class group, the way the Air Force reports them (see module doc)."""
    out: dict[str, list[float]] = {}
    for key, c in by_threat.items():
        threat_class = catalogue.threats[key].threat_class
        slot = out.setdefault(GROUP_OF_CLASS[threat_class], [0.0, 0.0, 0.0])
        lost = c.get("ew_lost", 0) + c.get("failed", 0) + (c.get("leaked", 0) if threat_class == "decoy" else 0)
        slot[0] += c.get("launched", 0)
        slot[1] += c.get("destroyed", 0)
        slot[2] += lost
    return {g: tuple(v) for g, v in out.items()}


def simulate_raids(tasks: Sequence[SimTask], backend=None, progress: Callable[[int, int], None] | None = None,
                   cache: Path | None = None) -> dict[str, RaidSim]:
    """raid id -> RaidSim for every task, on ``backend`` (this process when None); with ``cache`` (a
    folder) a raid simulated before with the same inputs, seed and airshield version is read back."""
    sims = {t.spec.id: sim for t in tasks if (sim := _read(cache, t)) is not None} if cache else {}
    todo = [t for t in tasks if t.spec.id not in sims]
    results = backend.map(simulate_raid, todo) if backend is not None else map(simulate_raid, todo)
    by_id = {t.spec.id: t for t in todo}
    for sim in results:
        sims[sim.raid_id] = sim
        if cache:
            _write(cache, by_id[sim.raid_id], sim)
        if progress:
            progress(len(sims), len(tasks))
    return sims


def task_key(task: SimTask) -> str:
    """A digest of everything a raid's simulation depends on."""
    from airshield import __version__
    text = json.dumps({"spec": asdict(task.spec), "document": task.defence.laydown.document,
                       "params": task.defence.params.as_dict(), "replications": task.replications,
                       "seed": task.seed, "version": __version__}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _read(cache: Path, task: SimTask) -> RaidSim | None:
    path = cache / f"{task_key(task)}.npz"
    if not path.is_file():
        return None
    with np.load(path) as data:
        counts = {k.removeprefix("g_"): data[k] for k in data.files if k.startswith("g_")}
        return RaidSim(task.spec.id, counts, float(data["seconds"]))


def _write(cache: Path, task: SimTask, sim: RaidSim) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{task_key(task)}.npz"
    partial = path.with_suffix(".part.npz")
    np.savez(partial, seconds=np.array(sim.seconds), **{f"g_{g}": c for g, c in sim.counts.items()})
    partial.replace(path)
