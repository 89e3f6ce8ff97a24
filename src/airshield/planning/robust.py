"""Robust placement: a laydown that holds against an attacker who sees it and answers with its best raid
(a defender-attacker game, solved by column-and-constraint generation):

    X_0 = the nominal placement (against the scenario's raid);  raids = {the scenario's raid}
    repeat: attack X_k (best response, engine in the loop) -> the verified worst raid at X_k (upper
            value of X_k); add that raid to the set; re-place against the whole set (the master:
            min over laydowns of the worst model loss, each raid's coverage model mapped to the engine's
            scale through two engine points: the raid against X_k and against no placed unit; its
            bound is a lower bound on the set's min-max on that scale);
            stop when the best upper value is within ``tolerance`` of the bound, when the attacker finds
            nothing new, or when the iterations or the time budget run out.

The robust laydown is the one with the lowest verified worst case. Both it and the nominal laydown are
then run against every raid of the set on the verifying replications (paired, same seeds).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from airshield.planning.attack.attack import Theatre, judge_for, respond
from airshield.planning.attack.judge import search_indices, verify_indices
from airshield.planning.attack.response import ResponseSettings
from airshield.planning.common import interval
from airshield.planning.coverage import CoverageModel
from airshield.planning.optimise import solve
from airshield.planning.problem import PlacementProblem
from airshield.planning.robust_master import solve_master, worst_loss
from airshield.runs.backends import Backend


@dataclass(frozen=True)
class RobustSettings:
    """``iterations`` attacks at most; ``budget_s`` wall time after which no new iteration starts [s];
    ``tolerance`` relative gap that stops the loop [-]; ``time_limit`` per MILP [s]; ``samples`` of
    each raid in its coverage model; ``attack`` the best-response settings."""

    iterations: int = 4
    budget_s: float = 840.0
    tolerance: float = 0.05
    time_limit: float = 60.0
    samples: int = 2
    attack: ResponseSettings = ResponseSettings()


@dataclass
class GameState:
    """The raids found so far (allocations), their coverage models, the laydowns tried and their
    verified worst case on the search replications, and one row per iteration."""

    raids: list[np.ndarray]
    models: list[CoverageModel]
    laydowns: list[np.ndarray] = field(default_factory=list)
    upper: list[float] = field(default_factory=list)
    worst_raid: list[int] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def best(self) -> int:
        """Index of the laydown with the lowest verified worst case."""
        return int(np.argmin(self.upper))


def robust_game(problem: PlacementProblem, theatre: Theatre, settings: RobustSettings, *, seed: int,
                backend: Backend | None, clock: dict[str, float]) -> tuple[GameState, np.ndarray]:
    """Play the game from the nominal placement; (state, nominal probes)."""
    start = time.perf_counter()
    space = theatre.space
    model_of = _model_maker(problem, theatre, settings, seed)
    state = GameState([space.scenario], [model_of(space.scenario)])
    nominal = solve(state.models[0], problem.counts, time_limit=settings.time_limit).chosen
    clock["nominal_s"] = time.perf_counter() - start
    laydown, lower = nominal, None
    bare = judge_for(theatre, problem.fixed, backend)  # the raids against the units that stay, none placed
    for k in range(settings.iterations):
        began = time.perf_counter()
        found, worst, at, judge = _attack(problem, theatre, settings, state, laydown, backend)
        attack_s = time.perf_counter() - began
        state.laydowns.append(laydown)
        state.upper.append(worst)
        state.worst_raid.append(at)
        new = not any(np.array_equal(found, r) for r in state.raids)
        if new:
            state.raids.append(found)
            state.models.append(model_of(found))
        best = min(state.upper)
        row = {"iteration": k + 1, "verified_worst": worst, "best_verified_worst": best, "defender_bound": lower,
               "gap": None if lower is None else best - lower,
               "relative_gap": None if lower is None else (best - lower) / best if best > 0 else 0.0,
               "new_raid": new, "raids": len(state.raids), "attack_s": attack_s}
        state.rows.append(row)
        elapsed = time.perf_counter() - start
        stop = _stop(new, k + 1 == settings.iterations, lower, best, settings,
                     elapsed + settings.time_limit + 1.2 * attack_s)
        if stop:
            row.update(stop=stop, seconds=time.perf_counter() - began)
            break
        offsets, scales = _calibration(theatre, state, laydown, judge, bare, settings.attack.search_replications)
        solution = solve_master(state.models, scales, problem.counts, offsets=offsets, warm=state.laydowns,
                                time_limit=settings.time_limit)
        lower = solution.lower_bound
        row.update(master={**solution.to_dict(), "offsets": offsets.tolist(), "scales": scales.tolist()},
                   seconds=time.perf_counter() - began)
        laydown = solution.chosen
    return state, nominal


def _stop(new: bool, last: bool, lower, best: float, settings: RobustSettings, projected_s: float) -> str | None:
    """Why the game stops after this attack, or None to play on."""
    if lower is not None and best - lower <= settings.tolerance * best:
        return f"the defender's bound is within {settings.tolerance:.0%} of the best verified worst case (or above it)"
    if not new:
        return "the attacker found no raid outside the set"
    if last:
        return "iteration budget"
    if projected_s > settings.budget_s:
        return "time budget"
    return None


def _model_maker(problem: PlacementProblem, theatre: Theatre, settings: RobustSettings, seed: int):
    def model_of(n: np.ndarray) -> CoverageModel:
        document = {**problem.base.document, "raid": theatre.space.raid(n, "raid of the set")}
        document.pop("attacker", None)
        return problem.model(document, seed=seed, samples=settings.samples, what="raid of the set",
                             asset_weights=theatre.weights)
    return model_of


def _attack(problem, theatre, settings, state, laydown, backend):
    """The best response to ``laydown``, knowing the set's raids: (raid, its search mean, index of the worst
    raid among the set plus the new one, the judge that ran the raids at ``laydown``)."""
    fire_units = problem.laydown(problem.pairs(state.models[0], laydown), "rob")
    response, judge = respond(theatre, fire_units, settings.attack, backend=backend, known=tuple(state.raids))
    matches = [i for i, r in enumerate(state.raids) if np.array_equal(r, response.allocation)]
    return response.allocation, response.search_mean, matches[0] if matches else len(state.raids), judge


def _calibration(theatre: Theatre, state: GameState, laydown: np.ndarray, judge, bare,
                 replications: int) -> tuple[np.ndarray, np.ndarray]:
    """Per raid, the affine map a_r + c_r x (model loss) through two engine points on the search
    replications: the raid against ``laydown`` (run by the attack's judge) and against no placed unit
    (``bare``: the model's value at risk). When the two points do not rise together, c_r is the ratio at
    ``laydown`` and a_r = 0."""
    offsets, scales = [], []
    for n, model in zip(state.raids, state.models):
        raid = theatre.space.raid(n, "raid")
        placed = float(judge.objective(raid, search_indices(replications)).mean())
        unplaced = float(bare.objective(raid, search_indices(replications)).mean())
        predicted = model.at_risk - model.value_saved(laydown)
        if model.at_risk - predicted > 1e-12 and unplaced > placed:
            scale = (unplaced - placed) / (model.at_risk - predicted)
            offsets.append(placed - scale * predicted)
        else:
            scale = placed / predicted if predicted > 0 else 1.0
            offsets.append(0.0)
        scales.append(scale)
    return np.array(offsets), np.array(scales)


def compare(problem: PlacementProblem, theatre: Theatre, state: GameState, nominal: np.ndarray, *,
            replications: int, backend: Backend | None) -> dict[str, Any]:
    """The nominal and the robust laydown against every raid of the set on the verifying replications:
    per raid and laydown the value lost (interval) and the paired difference nominal - robust; each
    laydown's worst raid; and the paired difference of the worst cases."""
    laydowns = {"nominal": nominal, "robust": state.laydowns[state.best()]}
    indices = verify_indices(replications)
    values = {}
    for name, probes in laydowns.items():
        judge = judge_for(theatre, problem.laydown(problem.pairs(state.models[0], probes), name[:3]), backend)
        values[name] = [judge.objective(theatre.space.raid(n, f"raid {i}"), indices) for i, n in enumerate(state.raids)]
    raids = []
    for i in range(len(state.raids)):
        raids.append({"raid": i, "label": raid_label(theatre, state.raids[i], i),
                      **{name: interval(values[name][i], lower=0.0) for name in laydowns},
                      "nominal_minus_robust": interval(values["nominal"][i] - values["robust"][i])})
    worst = {name: int(np.argmax([v.mean() for v in values[name]])) for name in laydowns}
    return {"replications": replications, "raids": raids,
            "worst": {name: {"raid": worst[name], **interval(values[name][worst[name]], lower=0.0)}
                      for name in laydowns},
            "worst_nominal_minus_robust": interval(values["nominal"][worst["nominal"]] - values["robust"][worst["robust"]]),
            "same_laydown": bool(np.array_equal(laydowns["nominal"], laydowns["robust"])),
            "method": "both laydowns against every raid of the set, same seed and replications 0..n-1 (paired by "
                      "replication); a laydown's worst case is the raid of the set with its highest mean"}


def raid_label(theatre: Theatre, n: np.ndarray, i: int) -> str:
    """A short description of raid ``i``: the scenario's own, or its three largest targets."""
    if i == 0:
        return "the scenario's raid"
    load: dict[str, int] = {}
    for lane, count in zip(theatre.space.lanes, n):
        load[lane.target] = load.get(lane.target, 0) + int(count)
    top = sorted((t for t in load if load[t] > 0), key=lambda t: -load[t])[:3]
    return "best response: " + ", ".join(f"{load[t]} at {t}" for t in top)
