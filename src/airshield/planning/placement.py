"""Placement: choose sites for fire units with a simulator-estimated coverage model, optimise it,
then verify the answer by full Monte Carlo against two baselines (see docs/planning.md)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from airshield.errors import InputError
from airshield.planning.common import interval, load_base, parse_counts, simulate, with_fire_units, world_of, write_record
from airshield.planning.coverage import build_model
from airshield.planning.laydowns import fixed_units, proportional, templates, units_at
from airshield.planning.optimise import solve
from airshield.planning.sites import DEFAULT_BEARINGS, DEFAULT_RINGS_KM, file_sites, ring_sites
from airshield.runs.backends import Backend


@dataclass
class PlacementResult:
    """The optimised laydown, the baselines, the model's answer and gap, and the verifying runs."""

    units: dict[str, int]
    laydown: list[dict[str, Any]]
    baselines: dict[str, list[dict[str, Any]]]
    model: dict[str, Any]
    verification: dict[str, Any]
    settings: dict[str, Any]
    timing: dict[str, float]
    files: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"units": self.units, "laydown": self.laydown, "model": self.model, "verification": self.verification,
                "settings": self.settings, "timing": self.timing, "files": self.files}

    def table(self) -> list[tuple]:
        """(laydown, mean value lost, ci95 low, ci95 high, model prediction, difference vs optimised [ci])."""
        rows = []
        for name, v in self.verification["laydowns"].items():
            diff = v.get("minus_optimised")
            rows.append((name, v["mean"], v["ci95"][0], v["ci95"][1], v.get("model_value_lost"),
                         "" if diff is None else f"{diff['mean']:.4g} [{diff['ci95'][0]:.4g}, {diff['ci95'][1]:.4g}]"))
        return rows


def plan_placement(source: str | Path, units: str | dict[str, int], *, candidates: str | Path | None = None,
                   replications: int = 20, seed: int = 1, samples: int = 4, time_limit: float = 60.0,
                   rings_km: tuple[float, ...] = DEFAULT_RINGS_KM, bearings: int = DEFAULT_BEARINGS,
                   out: str | Path | None = None, backend: Backend | None = None, map_image: bool = True,
                   verify: bool = True) -> PlacementResult:
    """Place ``units`` (e.g. ``'patriot:4,gepard:20'``) at candidate sites; verify by simulation."""
    clock = {"start": time.perf_counter()}
    base = load_base(source)
    world = world_of(base.document, label=str(base.path))
    known = list(base.catalogue.effectors)
    counts = parse_counts(units, known, option="--units", kind="unit type") if isinstance(units, str) else dict(units)
    for t in counts:
        if t not in known:
            parse_counts(t, known, option="--units", kind="unit type")
    counts = {t: n for t, n in counts.items() if n > 0}
    if not counts:
        raise InputError("no units to place", path="--units", expected="at least one unit")
    if replications < 2:
        raise InputError(f"{replications} replication(s)", path="--replications", expected="2 or more (for intervals)")
    sites = file_sites(world, candidates) if candidates else ring_sites(world, tuple(rings_km), bearings)
    total = sum(counts.values())
    if total > len(sites):
        raise InputError(f"{total} units but only {len(sites)} candidate sites", path="--units",
                         expected="at most one unit per candidate site")
    types = sorted(counts)
    fixed = fixed_units(base.document, types)
    template = templates(base.document, types)
    model = build_model(world, base.document, sites, types, fixed, seed=seed, samples=samples, label=str(base.path))
    clock["model"] = time.perf_counter()
    solution = solve(model, counts, time_limit=time_limit)
    clock["optimise"] = time.perf_counter()
    chosen = [(model.probe_type[u], int(model.probe_site[u])) for u in solution.chosen]
    chosen.sort(key=lambda p: (p[0], p[1]))
    optimised = units_at(sites, chosen, template, "opt")
    prop_pairs = proportional(world, sites, counts)
    prop = units_at(sites, prop_pairs, template, "prop")
    own = [u for u in base.document.get("fire_units", []) if u.get("type") in types]
    own_counts = {t: sum(1 for u in own if u["type"] == t) for t in types}
    model_info = {**solution.to_dict(), "value_at_risk": model.at_risk,
                  "value_lost": model.at_risk - solution.value_saved,
                  "value_lost_lower_bound": model.at_risk - solution.upper_bound,
                  "threat_rows": int(model.P.shape[0]), "probes": int(model.P.shape[1]), "sites": len(sites),
                  "samples": samples, "greedy_guarantee": "1/3 of the model optimum a priori (2-matroid greedy); "
                  "the MILP bound gives the a-posteriori gap"}
    prop_probe = [types.index(t) * len(sites) + s for t, s in prop_pairs]
    layouts = {"optimised": fixed + optimised, "value-proportional": fixed + prop,
               "scenario": list(base.document.get("fire_units", []))}
    predicted = {"optimised": model.at_risk - solution.value_saved,
                 "value-proportional": model.at_risk - model.value_saved(np.array(prop_probe, dtype=int))}
    verification: dict[str, Any] = {"replications": replications, "seed": seed,
                                    "scenario_counts": own_counts, "laydowns": {}}
    if verify:
        values = {}
        for name, fire_units in layouts.items():
            doc = with_fire_units(base.document, fire_units)
            values[name] = simulate(world_of(doc, label=f"{base.path} ({name} laydown)"), seed=seed,
                                    replications=replications, backend=backend)
        for name, v in values.items():
            entry = interval(v, lower=0.0)
            entry["model_value_lost"] = predicted.get(name)
            if name != "optimised":
                entry["minus_optimised"] = interval(v - values["optimised"])
            verification["laydowns"][name] = entry
        verification["method"] = ("same seed for every laydown (common random numbers); intervals: 95 % t interval "
                                  "of the mean (value lost cut at 0); 'minus_optimised' pairs replications by index")
        if own_counts != counts:
            verification["note"] = f"the scenario's own laydown has {own_counts}, not {counts}"
    clock["verify"] = time.perf_counter()
    settings = {"scenario": str(base.source), "units": counts, "candidates": str(candidates) if candidates else None,
                "rings_km": list(rings_km), "bearings": bearings, "replications": replications, "seed": seed,
                "samples": samples, "time_limit": time_limit, "model_seed": seed}
    timing = {"model_s": clock["model"] - clock["start"], "optimise_s": clock["optimise"] - clock["model"],
              "verify_s": clock["verify"] - clock["optimise"], "total_s": clock["verify"] - clock["start"]}
    result = PlacementResult(counts, fixed + optimised, {"value-proportional": fixed + prop}, model_info,
                             verification, settings, timing)
    if out is not None:
        _write(Path(out), base, result, world, sites, optimised, prop, own, types, map_image)
    return result


def _write(out: Path, base, result: PlacementResult, world, sites, optimised, prop, own, types, map_image) -> None:
    out.mkdir(parents=True, exist_ok=True)
    laydown = {"extends": str(Path(base.path).resolve()), "fire_units": result.laydown}
    write_record(out, kind="placement", base=base, settings=result.settings, results=result.to_dict(),
                 extra_documents={"laydown.yaml": laydown})
    files = {"laydown": str(out / "laydown.yaml"), "record": str(out / "plan.json"), "scenario": str(out / "scenario.yaml")}
    import csv
    with (out / "placement.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["laydown", "value_lost_mean", "ci95_low", "ci95_high", "model_value_lost", "minus_optimised"])
        writer.writerows(result.table())
    files["table"] = str(out / "placement.csv")
    if map_image:
        from airshield.planning.mapplot import plot_placement
        plot_placement(out / "placement.png", world=world, sites=sites, optimised=optimised, proportional=prop,
                       scenario_units=own, types=types,
                       title=f"{world.name}: placement of {result.units} (model gap {result.model['gap']:.3%})")
        files["map"] = str(out / "placement.png")
    result.files = files
