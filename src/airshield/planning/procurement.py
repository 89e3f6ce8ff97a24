"""Procurement: what a budget should buy, from a verified response surface and an exact knapsack.

1. Design. Today (nothing bought), one step of each option alone (its paired marginal value), and a
   space-filling design (scrambled Sobol points over every option's whole range at once, scaled onto
   the budget) are simulated with the same seeds (common random numbers), ``replications`` each.
   Systems bought are placed by the coverage model (greedy, the scenario's units fixed); rounds go to
   the magazines of the units that carry the munition.
2. Surrogate (:mod:`.surrogate`): value lost V(x) = V0 prod_i (1 - m_i (1 - exp(-x_i/c_i))), with
   diminishing returns and multiplicative interactions, fitted by weighted least squares, with a
   cross-validated error, plus a Gaussian-process correction of its residuals near the simulated
   points (:mod:`.residual_field`). It is trusted only inside the fitted range.
3. Optimisation: in log space the model is separable and concave, so an exact knapsack MILP (HiGHS,
   :mod:`.knapsack`) finds the best integer mix within budget (checked in whole cents), availability
   and the fitted range.
4. Verification: the chosen mix is simulated with ``verify_replications`` (>= 20) on the same seeds as
   today. If its predicted value lost lies outside the verified 95 % interval, the verified point is
   added, the surrogate refitted and the mix chosen again (up to ``rounds`` times); the answer says
   whether they agree. The prediction compared is always the one made before the mix was simulated
   for its verification. Every frontier point (budgets 0 .. budget) is searched and verified the same
   way; where a budget's search still disagrees after its refits, the frontier shows the best verified
   mix within that budget whose prediction held, and keeps the one that did not (``searched``).
5. Saturation: when budget is left that could buy more, all options at their availability are
   simulated against the mix (paired): the unspent budget is explained only if that does not lower
   value lost beyond the interval; otherwise the answer says the budget is left by the model's range.

With a raid set (``raids``, optional ``raid_weights`` [nights each stands for] and ``raid_days`` [days
after purchase]: options whose lead time is longer have not arrived), value lost is summed over the set
replication by replication, so the mix is chosen for a campaign rather than one night.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from airshield.errors import InputError
from airshield.planning.buy_rounds import Data, frontier, saturation, search
from airshield.planning.common import Base, interval, load_base, simulate, world_of, write_record
from airshield.planning.design import space_filling
from airshield.planning.knapsack import concave as _concave, cost as _cost, knapsack as _knapsack, saving as _saving
from airshield.planning.mix_eval import MixEvaluator
from airshield.planning.mixer import Mixer
from airshield.planning.options import Option, default_options, read_options
from airshield.planning.stocks import carried
from airshield.runs.backends import Backend


@dataclass
class ProcurementResult:
    budget: float
    options: list[Option]
    marginal: list[dict[str, Any]]
    mix: dict[str, int]
    cost: float
    predicted_value_lost: float
    frontier: list[dict[str, Any]]
    verification: dict[str, Any]
    settings: dict[str, Any]
    timing: dict[str, float]
    files: dict[str, str] = field(default_factory=dict)
    surrogate: dict[str, Any] = field(default_factory=dict)
    saturation: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"budget": self.budget, "options": [o.to_dict() for o in self.options], "marginal": self.marginal,
                "mix": self.mix, "cost": self.cost, "unspent_usd": self.budget - self.cost,
                "predicted_value_lost": self.predicted_value_lost, "frontier": self.frontier,
                "verification": self.verification, "saturation": self.saturation, "surrogate": self.surrogate,
                "settings": self.settings, "timing": self.timing, "files": self.files}

    def marginal_rows(self) -> list[tuple]:
        return [(m["option"], m["per_step"], m["price_usd"], m["saved"]["mean"], m["saved"]["ci95"][0],
                 m["saved"]["ci95"][1], m["saved_per_busd"]) for m in self.marginal if m["saved"] is not None]

    def mix_rows(self) -> list[tuple]:
        price = {o.name: o.price_usd for o in self.options}
        return [(name, q, q * price[name]) for name, q in self.mix.items() if q]

    def frontier_rows(self) -> list[tuple]:
        return [(f["budget"], f["cost"], f["predicted_value_lost"],
                 ", ".join(f"{k} x{v}" for k, v in f["mix"].items() if v)) for f in self.frontier]


def plan_procurement(source: str | Path, *, budget: float, options: str | Path | list[Option] | None = None,
                     replications: int = 6, verify_replications: int = 20, seed: int = 1, samples: int = 2,
                     frontier_points: int = 5, horizon_days: float | None = None, out: str | Path | None = None,
                     backend: Backend | None = None, verify: bool = True, raids: list[dict] | None = None,
                     raid_weights: list[float] | None = None, raid_days: list[float] | None = None,
                     design_points: int | None = None, rounds: int = 3, base: Base | None = None) -> ProcurementResult:
    """Choose the mix (see module doc)."""
    clock = time.perf_counter()
    _check(budget, replications, verify_replications)
    base = base or load_base(source)
    world = world_of(base.document, label=str(base.path))
    opts = _options(base, world, options, horizon_days)
    raid_set = raids or [base.document["raid"]]
    ev = MixEvaluator(base, Mixer(base, world, opts, seed, samples), opts, raid_set,
                      list(raid_weights or [1.0] * len(raid_set)), list(raid_days or [None] * len(raid_set)), seed,
                      backend)
    limits = [min(o.available_steps(horizon_days), int(budget // o.price_usd)) for o in opts]
    data = Data()
    today = ev.values([0] * len(opts), replications)
    data.add([0] * len(opts), today)
    marginal = _marginal(ev, data, opts, limits, today, replications)
    extra = design_points if design_points is not None else len(opts) + 4
    for point in space_filling(np.array(limits), np.array([o.price_usd for o in opts]), budget, extra, seed):
        data.add(point, ev.values(point, replications))
    n_verify = max(verify_replications, replications)
    tolerance = 1e-6 * max(float(today.mean()), 1e-12)
    steps, model, history = search(data, ev, opts, limits, budget, verify_n=n_verify, rounds=rounds,
                                   tolerance=tolerance, verify=verify)
    sat = saturation(ev, opts, limits, steps, budget, n_verify) if verify else None
    if sat and sat["saturated"] is False:  # more would help: learn from that point and choose again
        data.add(sat["more_of_everything"], ev.values(sat["more_of_everything"], n_verify))
        steps, model, again = search(data, ev, opts, limits, budget, verify_n=n_verify, rounds=rounds,
                                     tolerance=tolerance, verify=verify)
        history += [{**h, "after_saturation_check": True} for h in again]
        sat = saturation(ev, opts, limits, steps, budget, n_verify)
    front = frontier(data, ev, opts, limits, budget, frontier_points, verify_n=n_verify, rounds=rounds,
                     tolerance=tolerance, verify=verify, held=history)
    model = data.fit(cv=True)  # the final model rests on every simulated point (reported for its parameters)
    predicted = history[-1]["predicted"]  # made before the chosen mix was verified
    verification: dict[str, Any] = {"replications": n_verify, "seed": seed,
                                    "today": interval(ev.values([0] * len(opts), n_verify) if verify else today)}
    if verify:
        check = ev.verify(steps, predicted, n_verify, tolerance)
        verification.update({"chosen": check["verified"], "saved": check["saved"], "agrees": check["agrees"],
                             "method": "same seeds for every mix (common random numbers); 95 % interval of the mean; "
                                       "agrees = the prediction, made before the mix was simulated for its "
                                       "verification, lies inside the verified interval"})
    result = ProcurementResult(budget, opts, marginal, {o.name: int(steps[i]) for i, o in enumerate(opts)},
                               _cost(opts, steps), predicted, front, verification,
                               _settings(base, budget, opts, options, replications, n_verify, seed, samples,
                                         frontier_points, horizon_days, raid_set, raid_weights, raid_days),
                               {"total_s": time.perf_counter() - clock, "mixes_simulated": ev.runs})
    result.surrogate = {**model.to_dict(), "rounds": history,
                        "design": [{"steps": x, "mean": y, "se": se, "replications": n}
                                   for x, y, se, n in zip(data.x, data.y, data.se, data.n)]}
    result.saturation = sat
    if out is not None:
        _write(Path(out), base, result)
    return result


def _check(budget: float, replications: int, verify_replications: int) -> None:
    if budget is None or not math.isfinite(budget) or budget < 0:
        raise InputError(f"budget {budget}", path="--budget", expected="a budget of 0 USD or more")
    if replications < 2:
        raise InputError(f"{replications} replication(s)", path="--replications", expected="2 or more")
    if verify_replications < 2:
        raise InputError(f"{verify_replications} replication(s)", path="--verify-replications", expected="2 or more")


def _options(base, world, options, horizon_days: float | None) -> list[Option]:
    held = set(carried(list(base.document.get("fire_units", [])), base.catalogue))
    if options is None:
        opts = default_options(base.catalogue, held)
    elif isinstance(options, list):
        opts = list(options)
    else:
        opts = read_options(options, base.catalogue)
    if horizon_days is not None:
        opts = [o for o in opts if o.lead_time_days <= horizon_days]
    if not opts:
        raise InputError("no options to buy", path="--options", expected="at least one option")
    return opts


def _marginal(ev, data, opts, limits, today, replications: int) -> list[dict[str, Any]]:
    """One step of each option alone, paired against today: its marginal value (also a design point)."""
    out = []
    for i, o in enumerate(opts):
        row = {"option": o.name, "per_step": o.per_step, "price_usd": o.price_usd, "source": o.source,
               "origin": o.origin, "saved": None, "saved_per_busd": None}
        if limits[i] >= 1:
            steps = [0] * len(opts)
            steps[i] = 1
            values = ev.values(steps, replications)
            data.add(steps, values)
            row["saved"] = interval(today - values)
            row["saved_per_busd"] = row["saved"]["mean"] / o.price_usd * 1e9
        else:
            row["note"] = "not available or not affordable"
        out.append(row)
    return out


def _settings(base, budget, opts, options, replications, n_verify, seed, samples, frontier_points, horizon_days,
              raid_set, raid_weights, raid_days) -> dict[str, Any]:
    return {"scenario": str(base.source), "budget": budget, "options": [o.to_dict() for o in opts],
            "replications": replications, "verify_replications": n_verify, "seed": seed, "samples": samples,
            "frontier_points": frontier_points, "horizon_days": horizon_days, "raids": len(raid_set),
            "raid_weights": raid_weights, "raid_days": raid_days,
            "options_source": "file" if isinstance(options, (str, Path)) else
            "default table from catalogue costs (availability, capacities, lead times: assumptions)"}


def _write(out: Path, base, result: ProcurementResult) -> None:
    import csv
    out.mkdir(parents=True, exist_ok=True)
    with (out / "marginal.csv").open("w", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["option", "per_step", "price_usd", "saved_mean", "ci95_low", "ci95_high", "saved_per_busd"])
        w.writerows(r for r in result.marginal_rows() if r[3] is not None)
    with (out / "frontier.csv").open("w", newline="") as handle:
        w = csv.writer(handle)
        w.writerow(["budget_usd", "cost_usd", "predicted_value_lost", "mix"])
        w.writerows(result.frontier_rows())
    result.files = {"marginal": str(out / "marginal.csv"), "frontier": str(out / "frontier.csv"),
                    "record": str(out / "plan.json"), "scenario": str(out / "scenario.yaml")}
    write_record(out, kind="procurement", base=base, settings=result.settings, results=result.to_dict())
