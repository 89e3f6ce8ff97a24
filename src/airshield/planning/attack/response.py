"""The attacker's best response to one defence: the surrogate proposes, the engine decides.

Round r: calibrate the surrogate to the engine's value lost per asset at the incumbent raid; search the
calibrated surrogate for its best allocations (local search and vertex jumps from the incumbent, from
earlier good raids and from the gradient's vertices; every allocation when the space is small); run
the best few the engine has not seen, on the search's own replications (common random numbers);
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
        engine_at = judge.by_asset(space.raid(incumbent, "incumbent"), indices).mean(axis=0)
        model = surrogate.calibrated(incumbent, engine_at)
        ranked = _proposals(model, space, incumbent, [p[0] for p in pool.values()], everything)
        fresh = [n for n in ranked if tuple(n.astype(int)) not in pool][: settings.candidates]
        tried = [{"predicted": model.value(n), "engine": run(n), "threats": int(n.sum())} for n in fresh]
        best = max(pool.values(), key=lambda p: p[1])[0]
        rounds.append({"round": r + 1, "incumbent_engine": run(incumbent), "incumbent_predicted": model.value(incumbent),
                       "tried": tried, "best_engine": run(best)})
        if not fresh or np.array_equal(best, incumbent):
            break
        incumbent = best
    engine_at = judge.by_asset(space.raid(incumbent, "incumbent"), indices).mean(axis=0)
    return Response(incumbent, run(incumbent), surrogate.calibrated(incumbent, engine_at), rounds, len(pool))


def _proposals(model: AttackSurrogate, space: AttackSpace, incumbent: np.ndarray, seen: list[np.ndarray],
               everything: list[np.ndarray] | None) -> list[np.ndarray]:
    """Allocations ranked by the surrogate, best first (distinct)."""
    if everything is not None:
        candidates = everything
    else:
        best_seen = sorted(seen, key=model.value, reverse=True)[:2]
        starts = [incumbent, vertex(space, model.gradient(incumbent)), *best_seen, *_massed(model, space)]
        candidates = [improve(model, space, s) for s in starts]
    unique = {tuple(n.astype(int)): n for n in candidates}
    return sorted(unique.values(), key=model.value, reverse=True)


def _massed(model: AttackSurrogate, space: AttackSpace, targets: int = MASSED_TARGETS) -> list[np.ndarray]:
    """Raids massed on one target each, for the ``targets`` targets whose best lane is worth most per
    threat when the defence is not loaded (the gradient at no raid)."""
    gain = model.gradient(np.zeros(len(space)))
    best: dict[str, float] = {}
    for k, lane in enumerate(space.lanes):
        if not lane.target.startswith("raid wave"):
            best[lane.target] = max(best.get(lane.target, 0.0), gain[k])
    chosen = sorted((t for t in best if best[t] > 0), key=lambda t: -best[t])[:targets]
    out = []
    for target in chosen:
        mask = np.array([lane.target == target for lane in space.lanes])
        out.append(vertex(space, np.where(mask, gain + 1e-9, 0.0)))
    return out
