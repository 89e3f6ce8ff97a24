"""``plan attack``: the attacker's best response to the scenario's defence, verified against the
scenario's own raid (see docs/planning.md, "The attacker's best response")."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from airshield.errors import InputError
from airshield.planning.attack.attack import Theatre, respond, verify
from airshield.planning.attack.objective import objective_weights
from airshield.planning.attack.response import ResponseSettings
from airshield.planning.attack.space import build_space, resolve_means
from airshield.planning.common import Base, load_base, record_dict, world_of
from airshield.runs.backends import Backend


@dataclass
class AttackResult:
    """The best-response raid, its verified value lost beside the scenario's raid, and how it was found."""

    objective: str
    raid: dict[str, Any]
    allocation: list[dict[str, Any]]
    best_value_lost: dict[str, Any]
    scenario_value_lost: dict[str, Any]
    verification: dict[str, Any]
    surrogate: dict[str, Any]
    search: dict[str, Any]
    attacker: dict[str, Any]
    settings: dict[str, Any]
    timing: dict[str, float]
    files: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return record_dict(self)


def theatre_of(base: Base, objective: str | None, seed: int) -> tuple[Theatre, Any, str]:
    """The fixed part of an attack on ``base``: (theatre, world, objective used)."""
    label = str(base.path)
    world = world_of(base.document, label=label)
    _refuse_carriers(world, label)
    means = resolve_means(base.document, world, base.catalogue, label=label)
    objective = objective or means.objective
    weights = objective_weights(objective, world, base.document)
    space = build_space(base.document, world, means, base.catalogue)
    return Theatre(base.document, space, weights, seed, label), world, objective


def _refuse_carriers(world, label: str) -> None:
    """The attacker's search allocates weapons to launch areas directly; carrier sorties are not among
    its choices yet, so a raid with carrier-launched waves is refused (exit 2) rather than mis-modelled."""
    carried = np.flatnonzero(world.waves.carriers.type_index >= 0)
    if len(carried):
        raise InputError(f"wave {world.waves.name[carried[0]]!r} is launched by carriers", file=label,
                         path=f"raid.waves[{int(carried[0])}].carrier",
                         expected="waves launched from launch areas: the attacker's best response (plan attack, "
                                  "plan placement --robust) does not choose carrier sorties yet")


def plan_attack(source: str | Path, *, objective: str | None = None, replications: int = 20, seed: int = 1,
                settings: ResponseSettings = ResponseSettings(), out: str | Path | None = None,
                backend: Backend | None = None, map_image: bool = True) -> AttackResult:
    """The raid within the attacker's means that maximises ``objective`` against the scenario's defence."""
    if replications < 2:
        raise InputError(f"{replications} replication(s)", path="--replications", expected="2 or more (for intervals)")
    clock = [time.perf_counter()]
    base = load_base(source)
    theatre, world, objective = theatre_of(base, objective, seed)
    fire_units = list(base.document.get("fire_units", []))
    response, judge = respond(theatre, fire_units, settings, backend=backend)
    clock.append(time.perf_counter())
    space = theatre.space
    checked = verify(judge, space, {"scenario": space.scenario, "best": response.allocation}, replications)
    clock.append(time.perf_counter())
    result = AttackResult(
        objective=objective, raid=space.raid(response.allocation, f"best response ({objective})"),
        allocation=space.rows_of(response.allocation),
        best_value_lost=checked["best"]["objective"], scenario_value_lost=checked["scenario"]["objective"],
        verification={**checked, "replications": replications, "seed": seed, "method": VERIFY_METHOD},
        surrogate=surrogate_report(response, space, checked),
        search={"lanes": len(space), "rounds": response.rounds, "raids_run": response.seen,
                "engine_replications": judge.runs, "search_replications": settings.search_replications},
        attacker=means_report(space.means),
        settings={"scenario": str(base.source), "objective": objective, "replications": replications, "seed": seed,
                  **settings.__dict__},
        timing={**response.timing, "verify_s": clock[2] - clock[1], "total_s": clock[2] - clock[0]})
    if out is not None:
        from airshield.planning.attack.output import write_attack
        write_attack(Path(out), base, result, world, space,
                     {"scenario": space.scenario, "best": response.allocation}, map_image)
    return result


VERIFY_METHOD = ("both raids run on the same seed and replications 0..n-1 (those of `airshield run`), apart from "
                 "the search's own replications; intervals: 95 % t interval of the mean (value lost cut at 0); "
                 "'minus_scenario' pairs replications by index")


def surrogate_report(response, space, checked) -> dict[str, Any]:
    """The surrogate's predictions (calibrated at the answer, and raw) beside the verified values."""
    model = response.surrogate
    out = {}
    for name, n in (("best", response.allocation), ("scenario", space.scenario)):
        verified = checked[name]["objective"]["mean"]
        predicted = model.value(n)
        raw = float(model.by_asset(n, calibrated=False).sum())
        out[name] = {"predicted": predicted, "predicted_uncalibrated": raw, "verified": verified,
                     "error": predicted - verified, "uncalibrated_ratio": raw / verified if verified > 0 else None}
    out["note"] = ("the surrogate is calibrated lane by lane to the engine at the answer (search replications); "
                   "'error' is its prediction minus the verified mean; the uncalibrated ratio says how far its "
                   "raw level is from the engine's")
    return out


def means_report(means) -> dict[str, Any]:
    """The attacker's means as used (defaults named)."""
    return {"inventory": means.inventory, "night_capacity": means.night_capacity,
            "launch_sites": [{"launch": s.key, "capacity": s.capacity, "threats": list(s.threats)} for s in means.sites],
            "objective": means.objective, "source": means.source,
            "defaults_from_the_raid": list(means.defaults)}
