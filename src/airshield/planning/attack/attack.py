"""One attack on one defence: build the surrogate and the judge, find the best response, verify it
against the scenario's own raid by paired Monte Carlo."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from airshield.planning.attack.judge import EngineJudge, verify_indices
from airshield.planning.attack.response import Response, ResponseSettings, best_response
from airshield.planning.attack.space import AttackSpace
from airshield.planning.attack.surrogate import build_surrogate
from airshield.planning.common import interval, with_fire_units
from airshield.runs.backends import Backend


@dataclass(frozen=True)
class Theatre:
    """What stays fixed while defences and raids change: the scenario ``document``, the attack ``space``,
    the objective's asset ``weights``, the ``seed`` and a ``label`` for errors."""

    document: dict[str, Any]
    space: AttackSpace
    weights: np.ndarray
    seed: int
    label: str


def defended(theatre: Theatre, fire_units: list[dict]) -> dict[str, Any]:
    """The scenario with ``fire_units`` as its defence, without its attacker section (the raids run
    against it are checked against the attacker's means by the space, not at load)."""
    document = with_fire_units(theatre.document, fire_units)
    document.pop("attacker", None)
    return document


def judge_for(theatre: Theatre, fire_units: list[dict], backend: Backend | None) -> EngineJudge:
    """An engine judge of raids against ``fire_units``."""
    document = defended(theatre, fire_units)
    judge = EngineJudge(document, theatre.weights, theatre.seed, theatre.label)
    if backend is not None:
        judge.backend = backend
    return judge


def respond(theatre: Theatre, fire_units: list[dict], settings: ResponseSettings, *, backend: Backend | None = None,
            known: tuple[np.ndarray, ...] = ()) -> tuple[Response, EngineJudge]:
    """The attacker's best response to the laydown ``fire_units`` (and the judge that ran it)."""
    start = time.perf_counter()
    surrogate = build_surrogate(defended(theatre, fire_units), theatre.space, theatre.weights, seed=theatre.seed,
                                samples=settings.samples, per_lane=settings.per_lane, label=theatre.label)
    built = time.perf_counter()
    judge = judge_for(theatre, fire_units, backend)
    response = best_response(theatre.space, surrogate, judge, settings, known=known)
    response.timing = {"surrogate_s": built - start, "search_s": time.perf_counter() - built}
    return response, judge


def verify(judge: EngineJudge, space: AttackSpace, raids: dict[str, np.ndarray], replications: int) -> dict[str, Any]:
    """Objective and total value lost of each raid on the verifying replications, with intervals, and
    each raid's paired difference from the scenario's own raid (same seeds, paired by replication)."""
    indices = verify_indices(replications)
    values = {name: judge.objective(space.raid(n, name), indices) for name, n in raids.items()}
    out = {}
    for name, n in raids.items():
        entry = {"objective": interval(values[name], lower=0.0),
                 "total": interval(judge.total(space.raid(n, name), indices), lower=0.0), "threats": int(n.sum())}
        if name != "scenario" and "scenario" in values:
            entry["minus_scenario"] = interval(values[name] - values["scenario"])
        out[name] = entry
    return out
