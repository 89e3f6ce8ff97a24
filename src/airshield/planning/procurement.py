"""Procurement: what a budget should buy, from simulated marginal values and an exact knapsack.

1. Today's value lost V0 is simulated (``replications``, seed s). Each option is simulated alone at a
   few quantities (1 step, half and all of what the budget and availability allow) with the same
   seed (common random numbers): savings V0 - V with paired 95 % intervals. One step is the option's
   marginal value. Systems bought are placed with the placement model (greedy on the coverage model,
   the scenario's units fixed); rounds go to the magazines of the units that carry the munition.
2. A separable response surface: each option's saving as a function of its quantity, made
   nondecreasing and concave (least concave majorant of the simulated points, flat beyond the last).
3. An exact knapsack MILP (HiGHS): integer steps within availability, total price within the budget,
   maximising the modelled saving. The budget is checked again in whole cents after the solve.
4. The Pareto frontier: the same MILP at budgets 0 .. budget. The chosen mix is verified by simulation.
Interactions between options are not in the model (they are in the verification).

With a raid set (``raids``: a list of ``raid`` sections), every variant is simulated against each raid
of the set and value lost is summed over the set, replication by replication (common random numbers
across the set's members too), so the mix is chosen for the whole set rather than one night.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from airshield.errors import InputError
from airshield.planning.common import interval, load_base, simulate, world_of, write_record
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

    def to_dict(self) -> dict[str, Any]:
        return {"budget": self.budget, "options": [o.to_dict() for o in self.options], "marginal": self.marginal,
                "mix": self.mix, "cost": self.cost, "predicted_value_lost": self.predicted_value_lost,
                "frontier": self.frontier, "verification": self.verification, "settings": self.settings,
                "timing": self.timing, "files": self.files}

    def marginal_rows(self) -> list[tuple]:
        return [(m["option"], m["per_step"], m["price_usd"], m["saved"]["mean"], m["saved"]["ci95"][0],
                 m["saved"]["ci95"][1], m["saved_per_busd"]) for m in self.marginal]

    def mix_rows(self) -> list[tuple]:
        price = {o.name: o.price_usd for o in self.options}
        return [(name, q, q * price[name]) for name, q in self.mix.items() if q]

    def frontier_rows(self) -> list[tuple]:
        return [(f["budget"], f["cost"], f["predicted_value_lost"],
                 ", ".join(f"{k} x{v}" for k, v in f["mix"].items() if v)) for f in self.frontier]


def plan_procurement(source: str | Path, *, budget: float, options: str | Path | list[Option] | None = None,
                     replications: int = 10, seed: int = 1, samples: int = 2, frontier_points: int = 9,
                     horizon_days: float | None = None, out: str | Path | None = None,
                     backend: Backend | None = None, verify: bool = True,
                     raids: list[dict] | None = None) -> ProcurementResult:
    """Choose the mix (see module doc)."""
    clock = time.perf_counter()
    if budget is None or not math.isfinite(budget) or budget < 0:
        raise InputError(f"budget {budget}", path="--budget", expected="a budget of 0 USD or more")
    if replications < 2:
        raise InputError(f"{replications} replication(s)", path="--replications", expected="2 or more")
    base = load_base(source)
    world = world_of(base.document, label=str(base.path))
    held = set(carried(list(base.document.get("fire_units", [])), world.catalogue))
    if options is None:
        opts = default_options(world.catalogue, held)
    elif isinstance(options, list):
        opts = list(options)
    else:
        opts = read_options(options, world.catalogue)
    if horizon_days is not None:
        opts = [o for o in opts if o.lead_time_days <= horizon_days]
    if not opts:
        raise InputError("no options to buy", path="--options", expected="at least one option")
    mixer = Mixer(base, world, opts, seed, samples)

    raid_set = raids or [base.document["raid"]]

    def run(steps: dict[int, int]) -> np.ndarray:
        doc = mixer.document(steps)
        total = np.zeros(replications)
        for number, raid in enumerate(raid_set):
            label = f"{base.path} (mix {steps}, raid {number + 1} of {len(raid_set)})"
            total += simulate(world_of(dict(doc, raid=raid), label=label), seed=seed, replications=replications,
                              backend=backend)
        return total

    today = run({})
    marginal, curves = [], []
    for i, o in enumerate(opts):
        affordable = min(o.max_steps, int(budget // o.price_usd))
        levels = sorted({1, max(1, (affordable + 1) // 2), max(1, affordable)}) if o.max_steps > 0 else []
        points = [(0, 0.0)]
        for level in levels:
            saved = today - run({i: level})
            points.append((level, float(saved.mean())))
            if level == 1:
                step = interval(saved)
                marginal.append({"option": o.name, "per_step": o.per_step, "price_usd": o.price_usd,
                                 "saved": step, "saved_per_busd": step["mean"] / o.price_usd * 1e9,
                                 "source": o.source})
        if o.max_steps == 0:
            marginal.append({"option": o.name, "per_step": o.per_step, "price_usd": o.price_usd,
                             "saved": None, "saved_per_busd": None, "source": o.source, "note": "not available"})
        curves.append(_concave([p for p in points if p[0] <= affordable or p[0] == 0], cap=float(today.mean())))
    v0 = float(today.mean())
    mix_steps = _knapsack(opts, curves, budget, v0)
    frontier = _frontier(opts, curves, budget, frontier_points, v0)
    mix = {o.name: int(mix_steps[i]) for i, o in enumerate(opts)}
    cost = _cost(opts, mix_steps)
    predicted = v0 - _saving(curves, mix_steps, v0)
    verification: dict[str, Any] = {"replications": replications, "seed": seed, "today": interval(today)}
    if verify:
        chosen = run({i: int(q) for i, q in enumerate(mix_steps) if q})
        verification["chosen"] = interval(chosen)
        verification["saved"] = interval(today - chosen)
        verification["method"] = "same seed for every variant (common random numbers); 95 % interval of the mean"
    settings = {"scenario": str(base.source), "budget": budget, "options": [o.to_dict() for o in opts],
                "replications": replications, "seed": seed, "samples": samples, "frontier_points": frontier_points,
                "horizon_days": horizon_days, "raids": len(raid_set), "options_source": "file" if isinstance(options, (str, Path)) else
                "default table from catalogue costs (availability, lead times: assumptions)"}
    result = ProcurementResult(budget, opts, marginal, mix, cost, predicted, frontier, verification, settings,
                               {"total_s": time.perf_counter() - clock})
    if out is not None:
        _write(Path(out), base, result)
    return result


def _concave(points: list[tuple[int, float]], cap: float) -> list[tuple[float, float]]:
    """Segments (length, slope) of the least concave majorant of the points, made nondecreasing and
    capped at ``cap`` (no option saves more than today's value lost)."""
    xs = np.array([p[0] for p in points], dtype=float)
    ys = np.maximum.accumulate(np.clip(np.array([p[1] for p in points], dtype=float), 0.0, max(cap, 0.0)))
    hull = [0]
    for k in range(1, len(xs)):
        while len(hull) >= 2:
            a, b = hull[-2], hull[-1]
            if (ys[b] - ys[a]) * (xs[k] - xs[a]) <= (ys[k] - ys[a]) * (xs[b] - xs[a]):
                hull.pop()
            else:
                break
        hull.append(k)
    return [(float(xs[b] - xs[a]), float((ys[b] - ys[a]) / (xs[b] - xs[a])))
            for a, b in zip(hull, hull[1:]) if xs[b] > xs[a]]


def _saving(curves, steps, cap: float = math.inf) -> float:
    """Modelled saving of ``steps`` (sum over options, at most ``cap``)."""
    total = 0.0
    for segs, q in zip(curves, steps):
        left = float(q)
        for length, slope in segs:
            take = min(left, length)
            total += take * slope
            left -= take
    return float(min(total, cap))


def _cost(opts: list[Option], steps) -> float:
    return float(sum(o.price_usd * int(q) for o, q in zip(opts, steps)))


def _cents(x: float) -> int:
    return int(round(x * 100))


def _knapsack(opts: list[Option], curves, budget: float, v0: float) -> np.ndarray:
    """Integer steps maximising the modelled saving within budget and availability (exact, HiGHS)."""
    n = len(opts)
    segs = [(i, length, slope) for i, c in enumerate(curves) for length, slope in c if slope > 0]
    m = len(segs)
    if m == 0:
        return np.zeros(n, dtype=int)
    c = np.concatenate([np.zeros(n), -np.array([s[2] for s in segs])])
    A_link = np.zeros((n, n + m))
    for i in range(n):
        A_link[i, i] = 1.0
    for k, (i, _, _) in enumerate(segs):
        A_link[i, n + k] = -1.0
    scale = max(o.price_usd for o in opts)
    A_budget = np.concatenate([np.array([o.price_usd for o in opts]) / scale, np.zeros(m)])[None, :]
    upper = np.concatenate([[o.max_steps for o in opts], [s[1] for s in segs]]).astype(float)
    c[:n] = 1e-7 * max(v0, 1e-12) * np.array([o.price_usd for o in opts]) / scale  # cheaper among equals
    A_cap = np.concatenate([np.zeros(n), np.array([s[2] for s in segs])])[None, :]
    limit = [o.max_steps for o in opts]
    slack = 0.0
    for _ in range(6):  # the solver's feasibility tolerance can overshoot by a few dollars: tighten and resolve
        res = milp(c, constraints=[LinearConstraint(A_link, 0, 0),
                                   LinearConstraint(A_budget, -np.inf, (budget - slack) / scale),
                                   LinearConstraint(A_cap, -np.inf, max(v0, 0.0))],
                   integrality=np.concatenate([np.ones(n), np.zeros(m)]), bounds=Bounds(np.zeros(n + m), upper),
                   options={"mip_rel_gap": 1e-9, "time_limit": 30})
        steps = np.zeros(n, dtype=int) if res.x is None else np.round(res.x[:n]).astype(int)
        steps = np.minimum(np.maximum(steps, 0), limit)
        over = sum(_cents(o.price_usd) * int(q) for o, q in zip(opts, steps)) - _cents(budget)
        if over <= 0:
            break
        slack += over / 100 + 1e-6 * scale
    while sum(_cents(o.price_usd) * int(q) for o, q in zip(opts, steps)) > _cents(budget):  # exact repair
        worst = min((i for i in range(n) if steps[i] > 0),
                    key=lambda i: _saving([curves[i]], [steps[i]]) / (opts[i].price_usd * steps[i]))
        steps[worst] -= 1
    return steps


def _frontier(opts, curves, budget: float, points: int, v0: float) -> list[dict[str, Any]]:
    rows = []
    for b in np.linspace(0.0, budget, max(2, points)):
        steps = _knapsack(opts, curves, float(b), v0)
        rows.append({"budget": float(b), "cost": _cost(opts, steps),
                     "predicted_value_lost": v0 - _saving(curves, steps, v0),
                     "mix": {o.name: int(q) for o, q in zip(opts, steps) if q}})
    pareto, best = [], math.inf
    for row in sorted(rows, key=lambda r: (r["cost"], r["predicted_value_lost"])):
        if row["predicted_value_lost"] < best - 1e-12 or not pareto:
            pareto.append(row)
            best = min(best, row["predicted_value_lost"])
    return pareto


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
