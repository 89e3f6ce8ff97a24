"""``plan placement --robust``: the laydown that holds best against the attacker's best responses,
compared with the nominal placement against the same raids (see :mod:`airshield.planning.robust`)."""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from airshield.errors import InputError
from airshield.planning.attack.plan import theatre_of
from airshield.planning.common import interval_text, record_dict, write_record
from airshield.planning.problem import PlacementProblem, placement_problem
from airshield.planning.robust import RobustSettings, compare, raid_label, robust_game
from airshield.planning.sites import DEFAULT_BEARINGS, DEFAULT_RINGS_KM
from airshield.runs.backends import Backend


@dataclass
class RobustResult:
    """The robust and nominal laydowns, the raids of the game, its iterations and the paired comparison."""

    units: dict[str, int]
    laydown: list[dict[str, Any]]
    nominal_laydown: list[dict[str, Any]]
    raids: list[dict[str, Any]]
    game: dict[str, Any]
    comparison: dict[str, Any]
    settings: dict[str, Any]
    timing: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)

    def iteration_rows(self) -> list[tuple]:
        """(iteration, verified worst, best so far, defender bound, gap, new raid, seconds)."""
        return [(r["iteration"], r["verified_worst"], r["best_verified_worst"], r["defender_bound"], r["gap"],
                 r["new_raid"], r.get("seconds")) for r in self.game["iterations"]]

    def comparison_rows(self) -> list[tuple]:
        """(raid, nominal [ci], robust [ci], nominal - robust [ci])."""
        return [(r["label"], interval_text(r["nominal"]), interval_text(r["robust"]), interval_text(r["nominal_minus_robust"]))
                for r in self.comparison["raids"]]


def plan_robust_placement(source: str | Path, units: str | dict[str, int], *, candidates: str | Path | None = None,
                          replications: int = 20, seed: int = 1, settings: RobustSettings = RobustSettings(),
                          objective: str | None = None, rings_km: tuple[float, ...] = DEFAULT_RINGS_KM,
                          bearings: int = DEFAULT_BEARINGS, out: str | Path | None = None,
                          backend: Backend | None = None, map_image: bool = True) -> RobustResult:
    """Place ``units`` so that the attacker's best response hurts least; compare with the nominal placement."""
    if replications < 2:
        raise InputError(f"{replications} replication(s)", path="--replications", expected="2 or more (for intervals)")
    clock: dict[str, Any] = {"start": time.perf_counter()}
    problem = placement_problem(source, units, candidates=candidates, rings_km=tuple(rings_km), bearings=bearings)
    theatre, _, objective = theatre_of(problem.base, objective, seed)
    state, nominal = robust_game(problem, theatre, settings, seed=seed, backend=backend, clock=clock)
    clock["game_s"] = time.perf_counter() - clock["start"]
    comparison = compare(problem, theatre, state, nominal, replications=replications, backend=backend)
    clock["verify_s"] = time.perf_counter() - clock["start"] - clock["game_s"]
    best = state.best()
    last = state.rows[-1]
    game = {"objective": objective, "iterations": state.rows, "robust_iteration": best + 1,
            "defender_bound": _last_bound(state.rows), "verified_worst": state.upper[best],
            "stopped": last.get("stop", "iteration budget"),
            "note": "verified worst: the attacker's best response to the laydown, engine means on the search "
                    "replications; defender bound: the master's lower bound on the worst value lost over the raids "
                    "found (coverage models scaled to the engine at the laydown attacked before it)"}
    game["gap"] = None if game["defender_bound"] is None else game["verified_worst"] - game["defender_bound"]
    raids = [{"label": raid_label(theatre, n, i), "raid": theatre.space.raid(n, raid_label(theatre, n, i)),
              "allocation": theatre.space.rows_of(n)} for i, n in enumerate(state.raids)]
    timing = {"nominal_s": clock["nominal_s"], "game_s": clock["game_s"], "verify_s": clock["verify_s"],
              "total_s": time.perf_counter() - clock["start"],
              "per_iteration": [{"iteration": r["iteration"], "attack_s": r["attack_s"],
                                 "master_s": (r.get("master") or {}).get("time_s"), "seconds": r.get("seconds")}
                                for r in state.rows]}
    result = RobustResult(problem.counts, problem.laydown(problem.pairs(state.models[0], state.laydowns[best]), "rob"),
                          problem.laydown(problem.pairs(state.models[0], nominal), "nom"), raids, game, comparison,
                          {"scenario": str(problem.base.source), "units": problem.counts, "replications": replications,
                           "seed": seed, "objective": objective, "candidates": str(candidates) if candidates else None,
                           "rings_km": list(rings_km), "bearings": bearings,
                           **{k: v for k, v in settings.__dict__.items() if k != "attack"},
                           "attack": settings.attack.__dict__}, timing)
    if out is not None:
        _write(Path(out), problem, theatre, state, result, map_image)
    return result


def _last_bound(rows: list[dict[str, Any]]):
    bounds = [r["defender_bound"] for r in rows if r["defender_bound"] is not None]
    return bounds[-1] if bounds else None


def _write(out: Path, problem: PlacementProblem, theatre, state, result: RobustResult, map_image: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    extends = str(Path(problem.base.path).resolve())
    documents = {"laydown.yaml": {"extends": extends, "fire_units": result.laydown},
                 "nominal.yaml": {"extends": extends, "fire_units": result.nominal_laydown}}
    for i, raid in enumerate(result.raids):
        documents[f"raid-{i}.yaml"] = {"extends": "scenario.yaml", "raid": raid["raid"]}
    files = {"laydown": str(out / "laydown.yaml"), "nominal": str(out / "nominal.yaml"),
             "raids": ", ".join(str(out / f"raid-{i}.yaml") for i in range(len(result.raids))),
             "record": str(out / "plan.json"), "scenario": str(out / "scenario.yaml"), "table": str(out / "robust.csv")}
    with (out / "robust.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["raid", "nominal", "robust", "nominal_minus_robust"])
        writer.writerows(result.comparison_rows())
    if map_image:
        from airshield.planning.robust_map import plot_robust
        plot_robust(out / "robust.png", problem=problem, theatre=theatre, state=state, result=result)
        files["map"] = str(out / "robust.png")
    result.files = files
    write_record(out, kind="robust-placement", base=problem.base, settings=result.settings, results=result.to_dict(),
                 extra_documents=documents)
