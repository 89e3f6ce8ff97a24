"""Search the surrogate for the raids that hurt most.

- ``vertex``: the allocation that maximises a linear gain (the surrogate's gradient) within the
  constraints, an integer program (HiGHS); the constraint matrix is a network matrix, so the answer
  is the LP's vertex.
- ``improve``: local search from an allocation. Moves shift d threats from one lane to another (or
  into unused inventory), ranked by the gradient and kept only when the surrogate's exact value rises;
  d runs from the whole lane down to one threat, so a move can mass a raid on one target at once.
  Vertex jumps (conditional gradient) follow while they help: V is not concave (saturation rewards
  massing), so its maximum tends to lie at or near a vertex.
- ``fill``: unused inventory goes where it helps most (decoys included).
- ``enumerate_space``: every allocation of a small space, for exact answers and brute-force tests.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

from airshield.planning.attack.space import AttackSpace
from airshield.planning.attack.surrogate import AttackSurrogate

TOP_PAIRS = 16
"""Moves (from lane, to lane) checked exactly per step, the best by first-order gain."""
MAX_STEPS = 400


def vertex(space: AttackSpace, gain: np.ndarray) -> np.ndarray:
    """The allocation maximising ``gain @ n`` within the constraints (lanes with gain <= 0 stay empty)."""
    gain = np.where(gain > 0, gain, 0.0)
    if not gain.any():
        return np.zeros(len(space))
    upper = np.where(gain > 0, np.inf, 0.0)
    res = milp(-gain, constraints=LinearConstraint(space.A, -np.inf, space.limit),
               integrality=np.ones(len(space)), bounds=Bounds(np.zeros(len(space)), upper),
               options={"disp": False, "time_limit": 30.0})
    if res.x is None:
        return np.zeros(len(space))
    return np.round(res.x)


def improve(model: AttackSurrogate, space: AttackSpace, start: np.ndarray, *, steps: int = MAX_STEPS) -> np.ndarray:
    """Local search and vertex jumps from ``start`` (a feasible allocation) to a local maximum of V."""
    x = np.asarray(start, dtype=float).copy()
    value = model.value(x)
    for _ in range(steps):
        moved = _best_move(model, space, x, value)
        if moved is None:
            jump = vertex(space, model.gradient(x))
            if model.value(jump) > value * (1 + 1e-9) + 1e-12:
                x, value = jump, model.value(jump)
                continue
            break
        x, value = moved
    return fill(model, space, x)


def fill(model: AttackSurrogate, space: AttackSpace, x: np.ndarray) -> np.ndarray:
    """``x`` with any unused inventory launched where the surrogate's gradient is highest (ties: the lane
    whose target already draws the most threats): more threats never help the defence, and decoys the
    surrogate values at nothing still draw fire."""
    x = x.copy()
    target_load = {}
    for lane, count in zip(space.lanes, x):
        target_load[lane.target] = target_load.get(lane.target, 0.0) + count
    for _ in range(len(space)):
        g = model.gradient(x)
        slack = space.slack(x)
        order = sorted(range(len(space)), key=lambda k: (-round(g[k], 12), -target_load.get(space.lanes[k].target, 0.0), k))
        for k in order:
            room = _room(space, slack, None, k)
            if room >= 1:
                x[k] += min(room, 1e6)
                break
        else:
            return x
    return x


def _best_move(model: AttackSurrogate, space: AttackSpace, x: np.ndarray, value: float):
    """The best exact improvement among the top first-order moves, or None."""
    g = model.gradient(x)
    slack = space.slack(x)
    sources = np.flatnonzero(x > 0)
    pairs = []
    # additions into unused room
    for k in np.flatnonzero(g > 0):
        room = _room(space, slack, None, k)
        if room >= 1:
            pairs.append((g[k], None, k, room))
    # shifts from a used lane to another
    for s in sources:
        gains = g - g[s]
        for k in np.argsort(-gains)[:TOP_PAIRS]:
            if k == s or gains[k] <= 0:
                continue
            room = min(x[s], _room(space, slack, s, k))
            if room >= 1:
                pairs.append((gains[k], s, k, room))
    pairs.sort(key=lambda p: -p[0])
    best = None
    for _, s, k, room in pairs[: 4 * TOP_PAIRS]:
        for d in _sizes(room):
            y = x.copy()
            y[k] += d
            if s is not None:
                y[s] -= d
            v = model.value(y)
            if v > value * (1 + 1e-9) + 1e-12 and (best is None or v > best[1]):
                best = (y, v)
    return best


def _room(space: AttackSpace, slack: np.ndarray, source, target: int) -> float:
    """How many threats can move from lane ``source`` (None: from unused inventory) to lane ``target``."""
    change = space.A[:, target] - (space.A[:, source] if source is not None else 0.0)
    binding = change > 0
    if not binding.any():
        return np.inf
    return float(np.floor(np.min(slack[binding] / change[binding]) + 1e-9))


def _sizes(room: float) -> list[int]:
    """Move sizes: all the room, then halves, down to one threat."""
    room = int(min(room, 1e6))
    sizes = []
    while room >= 1:
        sizes.append(room)
        room //= 2
    return sizes


def enumerate_space(space: AttackSpace, limit: int = 20000) -> list[np.ndarray] | None:
    """Every feasible allocation (counts of each type's lanes up to its inventory, within every limit),
    or None when there would be more than ``limit`` to list."""
    by_type: dict[str, list[int]] = {}
    for k, lane in enumerate(space.lanes):
        by_type.setdefault(lane.threat, []).append(k)
    sizes = [math.comb(space.means.inventory.get(t, 0) + len(ks), len(ks)) for t, ks in by_type.items()]
    if math.prod(sizes) > limit:
        return None
    per_type = [list(_compositions(space.means.inventory.get(t, 0), len(ks))) for t, ks in by_type.items()]
    out = []
    for combo in itertools.product(*per_type):
        n = np.zeros(len(space))
        for ks, counts in zip(by_type.values(), combo):
            n[ks] = counts
        if space.feasible(n):
            out.append(n)
    return out


def _compositions(total: int, parts: int):
    """Every way to put at most ``total`` threats into ``parts`` lanes."""
    if parts == 0:
        yield ()
        return
    for first in range(total + 1):
        for rest in _compositions(total - first, parts - 1):
            yield (first, *rest)
