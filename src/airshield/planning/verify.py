"""Verifying laydowns by Monte Carlo: every laydown with the same units, the same seed and replications
(common random numbers), paired differences, and the coverage model's error against the verified value."""

from __future__ import annotations

from typing import Any

import numpy as np

from airshield.planning.common import interval, simulate, with_fire_units, world_of
from airshield.planning.coverage import CoverageModel
from airshield.planning.problem import PlacementProblem
from airshield.runs.backends import Backend

DESCRIPTIONS = {
    "optimised": "the optimiser's laydown",
    "value-proportional": "each type shared among the assets in proportion to value, at the free site nearest each",
    "scenario": "the scenario's own units of these types where they are; extra units at the free sites nearest "
                "them (by value where the scenario has none); with fewer units, its first ones",
}


def verify_laydowns(problem: PlacementProblem, model: CoverageModel, laydowns: dict[str, list[tuple[str, int]]], *,
                    document: dict[str, Any], seed: int, replications: int, backend: Backend | None,
                    reference: str = "optimised") -> dict[str, Any]:
    """Each laydown's verified value lost (interval), its paired difference from ``reference``, and the
    model's prediction and error; the laydowns must all have the problem's unit counts."""
    values: dict[str, np.ndarray] = {}
    for name, pairs in laydowns.items():
        counts = {t: sum(1 for tt, _ in pairs if tt == t) for t in problem.types}
        if counts != problem.counts:
            raise AssertionError(f"laydown '{name}' has {counts}, not {problem.counts}")
        doc = with_fire_units(document, problem.laydown(pairs, "v"))
        values[name] = simulate(world_of(doc, label=problem.base.label(f"{name} laydown")), seed=seed,
                                replications=replications, backend=backend)
    out: dict[str, Any] = {}
    for name, pairs in laydowns.items():
        predicted = model.at_risk - model.value_saved(problem.probes(pairs))
        entry = {**interval(values[name], lower=0.0), "units": problem.counts, "model_value_lost": predicted,
                 "model_error": predicted - float(values[name].mean()), "description": DESCRIPTIONS.get(name, name)}
        if name != reference:
            entry[f"minus_{reference}"] = interval(values[name] - values[reference])
        out[name] = entry
    return {"laydowns": out, "model": model_error(out), "values": values}


def model_error(entries: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """How far to trust the coverage model: its level against the verified means, and its ranking."""
    names = list(entries)
    predicted = np.array([entries[n]["model_value_lost"] for n in names])
    verified = np.array([entries[n]["mean"] for n in names])
    ratio = [float(p / v) if v > 0 else None for p, v in zip(predicted, verified)]
    rank_model = [names[i] for i in np.argsort(predicted, kind="stable")]
    rank_verified = [names[i] for i in np.argsort(verified, kind="stable")]
    return {"ratio_model_to_verified": dict(zip(names, ratio)),
            "mean_absolute_error": float(np.mean(np.abs(predicted - verified))),
            "ranking_model": rank_model, "ranking_verified": rank_verified,
            "ranking_agrees": rank_model == rank_verified,
            "note": "the model's value lost is a relative yardstick for choosing sites (it leaves out fire "
                    "channels, timing, dog-legs reacting to the laydown and sensors); trust its ranking "
                    "as far as it agrees with the verified one, and its level only through the ratios"}
