"""Exact budget-constrained choice of integer steps for separable concave savings (HiGHS MILP).

A saving curve is a list of segments (length [steps], slope [saving/step]) with decreasing slopes;
the MILP picks integer steps within availability and budget; the budget is then checked in whole
cents, with a tighter re-solve and an exact repair if the solver's tolerance overshoots.
"""

from __future__ import annotations

import math

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from airshield.planning.options import Option


def concave(points: list[tuple[int, float]], cap: float) -> list[tuple[float, float]]:
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


def saving(curves, steps, cap: float = math.inf) -> float:
    """Modelled saving of ``steps`` (sum over options, at most ``cap``)."""
    total = 0.0
    for segs, q in zip(curves, steps):
        left = float(q)
        for length, slope in segs:
            take = min(left, length)
            total += take * slope
            left -= take
    return float(min(total, cap))


def cost(opts: list[Option], steps) -> float:
    return float(sum(o.price_usd * int(q) for o, q in zip(opts, steps)))


def cents(x: float) -> int:
    return int(round(x * 100))


def knapsack(opts: list[Option], curves, budget: float, v0: float) -> np.ndarray:
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
        over = sum(cents(o.price_usd) * int(q) for o, q in zip(opts, steps)) - cents(budget)
        if over <= 0:
            break
        slack += over / 100 + 1e-6 * scale
    while sum(cents(o.price_usd) * int(q) for o, q in zip(opts, steps)) > cents(budget):  # exact repair
        worst = min((i for i in range(n) if steps[i] > 0),
                    key=lambda i: saving([curves[i]], [steps[i]]) / (opts[i].price_usd * steps[i]))
        steps[worst] -= 1
    return steps
