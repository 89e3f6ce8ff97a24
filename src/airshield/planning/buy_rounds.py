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
             rounds: int, tolerance: float, verify: bool, held: list[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """Pareto frontier at budgets 0..budget: at each budget the same search as the chosen mix (optimise,
    predict, verify; where they disagree, add the point, refit and choose again, up to ``rounds`` times).
    Each row's prediction is the one made before its mix was verified. Where the search still
    disagrees, the row is the best verified mix within that budget whose prediction held (from this
    search, the earlier budgets' or ``held``, the chosen mix's rounds), and ``searched`` keeps the one that
    did not."""
    rows, pool = [], [h for h in held if "verified" in h]
    for b in np.linspace(0.0, budget, max(2, points)):
        steps, _, history = search(data, ev, options, limits, float(b), verify_n=verify_n, rounds=rounds,
                                   tolerance=tolerance, verify=verify)
        pool += history
        last = history[-1]
        row: dict[str, Any] = {"budget": float(b), "refits": len(history) - 1}
        if verify and not last["agrees"]:
            held_best = _best_agreeing(pool, options, float(b))
            if held_best is not None:
                row["searched"] = _row_of(last, options)
                last = held_best
        rows.append({**row, **_row_of(last, options)})
    return _pareto(rows)


def _row_of(entry: dict[str, Any], options) -> dict[str, Any]:
    """A frontier row's mix, cost, prediction and verification from a search round."""
    steps = np.asarray(entry["mix"], dtype=int)
    row = {"cost": cost(options, steps), "predicted_value_lost": entry["predicted"], "steps": steps.tolist(),
           "mix": {o.name: int(q) for o, q in zip(options, steps) if q}}
    return {**row, **{k: entry[k] for k in ("predicted", "verified", "saved", "agrees") if k in entry}}


def _best_agreeing(pool: list[dict[str, Any]], options, budget: float) -> dict[str, Any] | None:
    """The verified round within ``budget`` whose prediction held, with the lowest verified value lost."""
    fits = [h for h in pool if h.get("agrees") and cost(options, h["mix"]) <= budget + 1e-6]
    return min(fits, key=lambda h: h["verified"]["mean"]) if fits else None


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
