"""Shared helpers of the planners: scenario documents, simulation of a variant, intervals, records."""

from __future__ import annotations

import copy
import math
import json
import platform
import time
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from airshield.analysis import mean_interval
from airshield.errors import InputError, did_you_mean
from airshield.runs import RunOptions, run_monte_carlo
from airshield.runs.backends import Backend, SerialBackend
from airshield.catalogue import Catalogue, load_catalogue
from airshield.scenario import compose
from airshield.scenario.resolved import resolved_document
from airshield.world import World, compile_world


@dataclass(frozen=True)
class Base:
    """A scenario as a raw document (``extends`` applied) with the name it was given by, its file
    and its catalogue (with the scenario's overrides)."""

    source: str
    path: Path
    document: dict[str, Any]
    catalogue: Catalogue

    def label(self, what: str) -> str:
        return f"{self.path} ({what})"


def load_base(source: str | Path) -> Base:
    """The scenario behind ``source`` (built-in name or file) as a resolved raw document."""
    composed = compose(source)
    catalogue = load_catalogue(composed.scenario.catalogue or None, file=composed.label)
    return Base(str(source), composed.path or Path(composed.label), composed.document, catalogue)


def world_of(document: dict[str, Any], *, label: str) -> World:
    """The compiled World of a raw scenario document (InputError naming ``label`` if it cannot run)."""
    return compile_world(compose(document, file=label))


def with_fire_units(document: dict[str, Any], units: list[dict[str, Any]]) -> dict[str, Any]:
    """A copy of ``document`` whose fire units are ``units``."""
    out = copy.deepcopy(document)
    out["fire_units"] = copy.deepcopy(units)
    return out


def simulate(world: World, *, seed: int, replications: int, backend: Backend | None = None) -> np.ndarray:
    """Value lost [value points] of each replication (replication order) of a Monte Carlo run."""
    result = run_monte_carlo(world, RunOptions(seed=seed, replications=replications),
                             backend=backend or SerialBackend(), keep_in_memory=True)
    return np.array([m.value_lost for m in result.metrics], dtype=float)


def record_dict(record) -> dict[str, Any]:
    """A planner's result dataclass as a dict of its fields, in declaration order (shallow)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def interval(values: np.ndarray, *, lower: float = -math.inf) -> dict[str, Any]:
    """Mean and 95 % t interval of the mean of ``values``, cut at ``lower`` (0 for value lost;
    none for differences); null bounds from fewer than 2 values."""
    values = np.asarray(values, dtype=float)
    low, high = mean_interval(values, lower=lower)
    return {"mean": float(values.mean()), "ci95": [v if math.isfinite(v) else None for v in (low, high)],
            "n": int(len(values))}


def interval_text(entry: dict[str, Any] | None) -> str:
    """'mean [low, high]' of an ``interval`` entry ('' for none; '-' for a bound it lacks)."""
    if entry is None:
        return ""
    low, high = ("-" if v is None else f"{v:.4g}" for v in entry["ci95"])
    return f"{entry['mean']:.4g} [{low}, {high}]"


def parse_counts(text: str, known: list[str], *, option: str, kind: str) -> dict[str, int]:
    """``'patriot:4,gepard:20'`` -> {'patriot': 4, 'gepard': 20}; unknown names with a did-you-mean."""
    counts: dict[str, int] = {}
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        name, sep, number = part.partition(":")
        name = name.strip()
        if name not in known:
            raise InputError(f"unknown {kind} '{name}'", path=option, expected=f"one of: {', '.join(sorted(known))}",
                             hint=did_you_mean(name, known))
        try:
            count = int(number) if sep else 1
        except ValueError:
            raise InputError(f"'{part}' is not type:count", path=option, expected="e.g. patriot:4") from None
        if count < 0:
            raise InputError(f"count {count} for '{name}' is negative", path=option, expected="0 or more")
        counts[name] = counts.get(name, 0) + count
    if not counts:
        raise InputError("no units given", path=option, expected="e.g. patriot:4,iris-t-slm:6")
    return counts


def write_record(out: Path, *, kind: str, base: Base, settings: dict[str, Any], results: dict[str, Any],
                 extra_documents: dict[str, dict[str, Any]] | None = None) -> Path:
    """Write ``scenario.yaml`` (resolved, runnable alone) and ``plan.json`` (settings, seeds, results)."""
    out.mkdir(parents=True, exist_ok=True)
    scenario = compose(base.document, file=str(base.path)).scenario
    _dump_yaml(out / "scenario.yaml", resolved_document(scenario))
    for name, document in (extra_documents or {}).items():
        _dump_yaml(out / name, document)
    from airshield import __version__
    record = {"kind": kind, "airshield": __version__, "python": platform.python_version(),
              "scenario": base.source, "scenario_file": "scenario.yaml", "written": time.strftime("%Y-%m-%dT%H:%M:%S"),
              "settings": settings, "results": results,
              "reproduce": "run the same command with these settings on scenario.yaml; seeds fix every draw"}
    path = out / "plan.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(record, indent=2, default=_json_default))
    tmp.replace(path)
    return path


def _dump_yaml(path: Path, document: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))
    tmp.replace(path)


def _json_default(value: Any) -> Any:
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, np.ndarray):
        return value.tolist()
    return str(value)
