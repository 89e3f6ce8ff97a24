"""The surrogate-guided search: fit, optimise inside the trust region, verify, refit where the
verification disagrees (iterate), and the verified frontier and saturation check."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from airshield.planning.common import interval
from airshield.planning.knapsack import cost, knapsack
from airshield.planning.mix_eval import MixEvaluator
from airshield.planning.surrogate import LayerSurrogate, fit_surrogate


@dataclass
class Data:
    """Simulated points: quantities (steps), mean value lost and its standard error, and how many
    replications each rests on."""

    x: list[list[int]] = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    se: list[float] = field(default_factory=list)
    n: list[int] = field(default_factory=list)

    def add(self, steps, values: np.ndarray) -> None:
        steps = [int(q) for q in steps]
        if steps in self.x:  # keep the point resting on more replications
            i = self.x.index(steps)
            if self.n[i] >= len(values):
                return
            del self.x[i], self.y[i], self.se[i], self.n[i]
        self.x.append(steps)
        self.y.append(float(values.mean()))
        self.se.append(float(values.std(ddof=1) / math.sqrt(len(values))) if len(values) > 1 else 0.0)
        self.n.append(len(values))

    def fit(self, cv: bool = False) -> LayerSurrogate:
        """The surrogate on every point so far (cross-validated error only when ``cv``: it costs K fits)."""
        return fit_surrogate(np.array(self.x), np.array(self.y), np.array(self.se), cv=cv)


def optimise(model: LayerSurrogate, options, limits, budget: float) -> np.ndarray:
    """The best integer mix under the model within budget, availability and the fitted range."""
    bounds = [min(int(limit), int(model.upper[i])) for i, limit in enumerate(limits)]
    curves = [curve if model.saving_alone(i, b) > model.noise else []  # no buying what is lost in noise
              for i, (curve, b) in enumerate(zip(model.log_curves(bounds), bounds))]
    capped = [dataclasses.replace(o, max_steps=b) for o, b in zip(options, bounds)]
    total = sum(slope * length for curve in curves for length, slope in curve)
    return knapsack(capped, curves, budget, max(total, 1e-9) + 1.0)


def search(data: Data, ev: MixEvaluator, options, limits, budget: float, *, verify_n: int, rounds: int,
           tolerance: float, verify: bool) -> tuple[np.ndarray, LayerSurrogate, list[dict[str, Any]]]:
    """Optimise, verify and refit until the chosen mix's prediction agrees with its verification or
    ``rounds`` refits are spent. Returns the mix, the final model and the history of rounds."""
    history: list[dict[str, Any]] = []
    model = data.fit()
    for r in range(rounds + 1):
        steps = optimise(model, options, limits, budget)
        predicted = float(model.predict(steps)[0])
        entry = {"round": r, "mix": steps.tolist(), "predicted": predicted}
        if not verify:
            history.append(entry)
            break
        check = ev.verify(steps, predicted, verify_n, tolerance)
        history.append({**entry, **check})
        if check["agrees"] or r == rounds:
            break
        data.add(steps, ev.values(steps, verify_n))
        model = data.fit()
    return steps, model, history


def frontier(data: Data, ev: MixEvaluator, options, limits, budget: float, points: int, *, verify_n: int,
             tolerance: float, verify: bool) -> tuple[list[dict[str, Any]], LayerSurrogate]:
    """Pareto frontier at budgets 0..budget, each point verified; points that disagree are added and
    the model refitted once, then the frontier is recomputed and verified again."""
    for attempt in range(2):
        model = data.fit()
        rows, added = [], False
        for b in np.linspace(0.0, budget, max(2, points)):
            steps = optimise(model, options, limits, float(b))
            predicted = float(model.predict(steps)[0])
            row = {"budget": float(b), "cost": cost(options, steps), "predicted_value_lost": predicted,
                   "steps": steps.tolist(), "mix": {o.name: int(q) for o, q in zip(options, steps) if q}}
            if verify:
                row.update(ev.verify(steps, predicted, verify_n, tolerance))
                if not row["agrees"] and attempt == 0:
                    data.add(steps, ev.values(steps, verify_n))
                    added = True
            rows.append(row)
        if not added:
            break
    return _pareto(rows), model


def _pareto(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    key = "verified" if rows and "verified" in rows[0] else None
    out, best = [], math.inf
    for row in sorted(rows, key=lambda r: (r["cost"], r["predicted_value_lost"])):
        value = row[key]["mean"] if key else row["predicted_value_lost"]
        if not out or value < best - 1e-12:
            out.append(row)
            best = min(best, value)
    return out


def saturation(ev: MixEvaluator, options, limits, steps, budget: float, verify_n: int) -> dict[str, Any] | None:
    """When budget is left that could buy more, verify that more of every option (all at their
    availability) does not lower value lost beyond the paired interval; else say so."""
    room = [i for i, o in enumerate(options) if steps[i] < limits[i]]
    left = budget - cost(options, steps)
    if left <= 0:
        return None
    if not room:
        return {"unspent_usd": left, "saturated": None,
                "explanation": "every option is bought up to its availability (or what the budget allows)"}
    if left < min(options[i].price_usd for i in room):
        return {"unspent_usd": left, "saturated": None,
                "explanation": "the budget left is less than one more step of any option with room"}
    more = [max(int(q), int(l)) for q, l in zip(steps, limits)]
    diff = ev.values(more, verify_n) - ev.values(steps, verify_n)
    check = interval(diff)
    saturated = check["ci95"][1] >= -1e-12  # not lower beyond the paired interval
    return {"unspent_usd": left, "more_of_everything": more, "value_lost_change": check, "saturated": bool(saturated),
            "explanation": ("more of every option (each at its availability) does not lower value lost beyond the "
                            "paired 95 % interval: the budget left is not needed")
            if saturated else ("more of every option lowers value lost beyond the interval: the unspent budget is "
                               "NOT explained by saturation (the model's optimum is limited by its fitted range)")}
