"""Placement: choose sites for fire units with a simulator-estimated coverage model, optimise it,
then verify the answer by full Monte Carlo against two baselines (see docs/planning.md)."""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from airshield.errors import InputError
from airshield.planning.common import interval_text, write_record
from airshield.planning.optimise import solve
from airshield.planning.problem import PlacementProblem, placement_problem
from airshield.planning.sites import DEFAULT_BEARINGS, DEFAULT_RINGS_KM
from airshield.planning.verify import verify_laydowns
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
        """(laydown, mean value lost, ci95 low, ci95 high, model prediction, model error, difference vs
        optimised [ci])."""
        rows = []
        for name, v in self.verification["laydowns"].items():
            diff = v.get("minus_optimised")
            rows.append((name, v["mean"], v["ci95"][0], v["ci95"][1], v.get("model_value_lost"), v.get("model_error"),
                         interval_text(diff)))
        return rows

    def trust(self) -> str:
        """One line on how far the model's value lost can be trusted (empty without verification)."""
        m = self.verification.get("model")
        if not m:
            return ""
        ratios = ", ".join(f"{k} {v:.3g}x" for k, v in m["ratio_model_to_verified"].items() if v is not None)
        return (f"model value lost / verified: {ratios}; ranking {'agrees' if m['ranking_agrees'] else 'DISAGREES'} "
                f"with the verified one (model: {' < '.join(m['ranking_model'])})")


def plan_placement(source: str | Path, units: str | dict[str, int], *, candidates: str | Path | None = None,
                   replications: int = 20, seed: int = 1, samples: int = 4, time_limit: float = 60.0,
                   rings_km: tuple[float, ...] = DEFAULT_RINGS_KM, bearings: int = DEFAULT_BEARINGS,
                   out: str | Path | None = None, backend: Backend | None = None, map_image: bool = True,
                   verify: bool = True) -> PlacementResult:
    """Place ``units`` (e.g. ``'patriot:4,gepard:20'``) at candidate sites; verify by simulation."""
    clock = {"start": time.perf_counter()}
    if replications < 2:
        raise InputError(f"{replications} replication(s)", path="--replications", expected="2 or more (for intervals)")
    problem = placement_problem(source, units, candidates=candidates, rings_km=tuple(rings_km), bearings=bearings)
    base, counts = problem.base, problem.counts
    model = problem.model(base.document, seed=seed, samples=samples)
    clock["model"] = time.perf_counter()
    solution = solve(model, counts, time_limit=time_limit)
    clock["optimise"] = time.perf_counter()
    pairs = {"optimised": problem.pairs(model, solution.chosen), **problem.baselines()}
    model_info = {**solution.to_dict(), "value_at_risk": model.at_risk,
                  "value_lost": model.at_risk - solution.value_saved,
                  "value_lost_lower_bound": model.at_risk - solution.upper_bound,
                  "threat_rows": int(model.P.shape[0]), "probes": int(model.P.shape[1]), "sites": len(problem.sites),
                  "samples": samples, "greedy_guarantee": "1/3 of the model optimum a priori (2-matroid greedy); "
                  "the MILP bound gives the a-posteriori gap"}
    verification: dict[str, Any] = {"replications": replications, "seed": seed,
                                    "scenario_counts": {t: len(v) for t, v in problem.own_sites().items()},
                                    "laydowns": {}}
    if verify:
        checked = verify_laydowns(problem, model, pairs, document=base.document, seed=seed,
                                  replications=replications, backend=backend)
        checked.pop("values")
        verification.update(checked)
        verification["method"] = ("every laydown has the same units; same seed for every laydown (common random "
                                  "numbers); intervals: 95 % t interval of the mean (value lost cut at 0); "
                                  "'minus_optimised' pairs replications by index")
    clock["verify"] = time.perf_counter()
    settings = {"scenario": str(base.source), "units": counts, "candidates": str(candidates) if candidates else None,
                "rings_km": list(rings_km), "bearings": bearings, "replications": replications, "seed": seed,
                "samples": samples, "time_limit": time_limit, "model_seed": seed}
    timing = {"model_s": clock["model"] - clock["start"], "optimise_s": clock["optimise"] - clock["model"],
              "verify_s": clock["verify"] - clock["optimise"], "total_s": clock["verify"] - clock["start"]}
    result = PlacementResult(counts, problem.laydown(pairs["optimised"], "opt"),
                             {k: problem.laydown(v, k[:4]) for k, v in pairs.items() if k != "optimised"},
                             model_info, verification, settings, timing)
    if out is not None:
        _write(Path(out), problem, result, pairs, map_image)
    return result


def _write(out: Path, problem: PlacementProblem, result: PlacementResult, pairs, map_image: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    base = problem.base
    laydown = {"extends": str(Path(base.path).resolve()), "fire_units": result.laydown}
    files = {"laydown": str(out / "laydown.yaml"), "record": str(out / "plan.json"), "scenario": str(out / "scenario.yaml")}
    with (out / "placement.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["laydown", "value_lost_mean", "ci95_low", "ci95_high", "model_value_lost", "model_error",
                         "minus_optimised"])
        writer.writerows(result.table())
    files["table"] = str(out / "placement.csv")
    if map_image:
        from airshield.planning.mapplot import plot_placement
        plot_placement(out / "placement.png", world=problem.world, sites=problem.sites,
                       optimised=problem.placed(pairs["optimised"], "opt"),
                       proportional=problem.placed(pairs["value-proportional"], "prop"),
                       scenario_units=problem.placed(pairs["scenario"], "scen"), types=problem.types,
                       title=f"{problem.world.name}: placement of {result.units} (model gap {result.model['gap']:.3%})")
        files["map"] = str(out / "placement.png")
    result.files = files
    write_record(out, kind="placement", base=base, settings=result.settings, results=result.to_dict(),
                 extra_documents={"laydown.yaml": laydown})
