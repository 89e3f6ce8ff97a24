"""The attacker's best response to one defence: the surrogate proposes, the engine decides.

Round r: calibrate the surrogate to the engine's value lost per asset at the incumbent raid; search the
calibrated surrogate for its best allocations (local search and vertex jumps from the incumbent, from
earlier good raids, from the gradient's vertex and from raids massed on the most promising targets;
every allocation when the space is small); run the best few the engine has not seen, and the best
massed raid of each promising target, on the search's own replications (common random numbers);
the best raid the engine has seen becomes the incumbent. Stop when a round brings nothing better or
after ``rounds`` rounds. The answer is therefore never worse, on the search's replications, than the
scenario's own raid or any raid passed in ``known``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from airshield.planning.attack.judge import EngineJudge, search_indices
from airshield.planning.attack.search import enumerate_space, improve, vertex
from airshield.planning.attack.space import AttackSpace
from airshield.planning.attack.surrogate import AttackSurrogate


MASSED_TARGETS = 3
"""Targets a massed raid starts the search from, per round."""


@dataclass(frozen=True)
class ResponseSettings:
    """``search_replications`` engine replications per candidate raid; ``rounds`` refits at most;
    ``candidates`` new raids run by the engine per round; ``exhaustive_limit``: list every allocation
    of spaces up to this size; ``samples`` x ``per_lane``: threats the surrogate samples per lane."""

    search_replications: int = 6
    rounds: int = 4
    candidates: int = 4
    exhaustive_limit: int = 5000
    samples: int = 2
    per_lane: int = 4


@dataclass
class Response:
    """The best raid found (``allocation``), its search mean, the surrogate calibrated at it, and the rounds."""

    allocation: np.ndarray
    search_mean: float
    surrogate: AttackSurrogate
    rounds: list[dict[str, Any]] = field(default_factory=list)
    seen: int = 0
    timing: dict[str, float] = field(default_factory=dict)


def best_response(space: AttackSpace, surrogate: AttackSurrogate, judge: EngineJudge, settings: ResponseSettings,
                  *, known: tuple[np.ndarray, ...] = ()) -> Response:
    """The raid of ``space`` that hurts ``judge``'s defence most, as far as the search sees (module doc)."""
    indices = search_indices(settings.search_replications)
    pool: dict[tuple, tuple[np.ndarray, float]] = {}

    def run(n: np.ndarray) -> float:
        key = tuple(np.asarray(n, dtype=int))
        if key not in pool:
            pool[key] = (np.asarray(n, dtype=float), float(judge.objective(space.raid(n, "candidate"), indices).mean()))
        return pool[key][1]

    for n in (space.scenario, *known):
        run(n)
    incumbent = max(pool.values(), key=lambda p: p[1])[0]
    everything = enumerate_space(space, settings.exhaustive_limit)
    model = surrogate
    rounds = []
    for r in range(settings.rounds):
        model = surrogate.calibrated(incumbent, _engine_by_lane(judge, space, incumbent, indices))
        ranked, explore = _proposals(model, surrogate, space, incumbent, [p[0] for p in pool.values()], everything)
        fresh = _unseen(ranked, pool, settings.candidates)
        fresh += _unseen(explore, {**pool, **{tuple(n.astype(int)): None for n in fresh}}, MASSED_TARGETS)
        tried = [{"predicted": model.value(n), "engine": run(n), "threats": int(n.sum())} for n in fresh]
        best = max(pool.values(), key=lambda p: p[1])[0]
        rounds.append({"round": r + 1, "incumbent_engine": run(incumbent), "incumbent_predicted": model.value(incumbent),
                       "tried": tried, "best_engine": run(best)})
        if not fresh:
            break
        incumbent = best
    calibrated = surrogate.calibrated(incumbent, _engine_by_lane(judge, space, incumbent, indices))
    return Response(incumbent, run(incumbent), calibrated, rounds, len(pool))


def _engine_by_lane(judge: EngineJudge, space: AttackSpace, n: np.ndarray, indices: range) -> np.ndarray:
    """(lanes,) the engine's mean objective value lost to each lane of allocation ``n`` (0 for empty lanes)."""
    out = np.zeros(len(space))
    used = np.flatnonzero(np.asarray(n) > 0)
    if len(used):
        out[used] = judge.by_wave(space.raid(n, "incumbent"), indices).mean(axis=0)
    return out


def _proposals(model: AttackSurrogate, raw: AttackSurrogate, space: AttackSpace, incumbent: np.ndarray,
               seen: list[np.ndarray], everything: list[np.ndarray] | None) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """(allocations ranked by the calibrated surrogate ``model``, best first; raids massed on each of the
    most promising targets by ``model`` and by the uncalibrated ``raw``, improved by local search). The
    second list explores: the surrogate's level per target is the least trustworthy part of it (a
    target the incumbent barely touched is calibrated on little), so the engine tries one massed raid
    per promising target."""
    targets = list(dict.fromkeys(_promising(model, space) + _promising(raw, space)))
    explore = [improve(model, space, _massed(model, space, t)) for t in targets]
    if everything is not None:
        candidates = everything
    else:
        best_seen = sorted(seen, key=model.value, reverse=True)[:2]
        starts = [incumbent, vertex(space, model.gradient(incumbent)), *best_seen]
        candidates = [improve(model, space, s) for s in starts] + explore
    unique = {tuple(n.astype(int)): n for n in candidates}
    return sorted(unique.values(), key=model.value, reverse=True), explore


def _unseen(allocations: list[np.ndarray], seen: dict, count: int) -> list[np.ndarray]:
    """The first ``count`` distinct allocations not in ``seen``."""
    out: dict[tuple, np.ndarray] = {}
    for n in allocations:
        key = tuple(n.astype(int))
        if key not in seen and key not in out and len(out) < count:
            out[key] = n
    return list(out.values())


def _promising(model: AttackSurrogate, space: AttackSpace, count: int = MASSED_TARGETS) -> list[str]:
    """The ``count`` targets whose best lane is worth most per threat when the defence is not loaded
    (the gradient at no raid)."""
    gain = model.gradient(np.zeros(len(space)))
    best: dict[str, float] = {}
    for k, lane in enumerate(space.lanes):
        if not lane.target.startswith("raid wave"):
            best[lane.target] = max(best.get(lane.target, 0.0), gain[k])
    return sorted((t for t in best if best[t] > 0), key=lambda t: -best[t])[:count]


def _massed(model: AttackSurrogate, space: AttackSpace, target: str) -> np.ndarray:
    """The raid that sends everything it can at ``target``, over its most valuable lanes."""
    gain = model.gradient(np.zeros(len(space)))
    mask = np.array([lane.target == target for lane in space.lanes])
    return vertex(space, np.where(mask, gain + 1e-9, 0.0))
