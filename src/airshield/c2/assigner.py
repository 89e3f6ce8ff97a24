"""Who shoots at what: the ``Assigner`` role and the greedy baseline.

At each C2 decision time the engine offers the feasible (threat, weapon) candidates; an
assigner returns which to fire (a row may appear more than once only if the assigner allows
several engagements of one threat at a time). No unit fires beyond its free fire channels.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Candidates:
    """Feasible engagements at one decision time, one row each.

    ``weight`` is the threat's value at risk times its class priority [value points];
    ``p_kill`` the salvo's kill probability [-]; ``cost`` the salvo's cost [USD];
    ``later`` the chance that cheap engagements later in the threat's flight would kill it [-];
    ``second_chance`` whether the threat's windows leave time to look and shoot again.
    """

    threat: np.ndarray
    weapon: np.ndarray
    unit: np.ndarray
    p_kill: np.ndarray
    weight: np.ndarray
    cost: np.ndarray
    later: np.ndarray
    second_chance: np.ndarray


class Assigner(ABC):
    """Chooses engagements among candidates."""

    #: whether several units may engage one threat at the same time (shoot-shoot across units)
    concurrent: bool = False

    @abstractmethod
    def assign(self, candidates: Candidates, free_channels: np.ndarray) -> np.ndarray:
        """Rows of ``candidates`` to fire; ``free_channels`` per unit row [-]."""


def worth_firing(candidates: Candidates, value_per_usd: float) -> np.ndarray:
    """Cost rule: fire now only if the value saved over waiting for cheap later chances,
    weight x (p_kill - later), is at least the shot's cost in value points."""
    return candidates.weight * (candidates.p_kill - candidates.later) >= value_per_usd * candidates.cost


class GreedyAssigner(Assigner):
    """Maximum marginal return, greedily: take candidates by expected value saved
    (weight x p_kill), cheaper salvo first on ties, skipping threats already taken this
    decision and units with no free channel. With ``value_per_usd`` > 0 it applies the cost rule
    (:func:`worth_firing`) first: the cost-aware policy.

    Layered: a threat whose windows leave no time to look and shoot again may be engaged by
    another unit while an interceptor is already on its way to it (one more unit per decision);
    a threat with a second chance is engaged by one unit at a time (shoot-look-shoot)."""

    concurrent = True

    def __init__(self, value_per_usd: float = 0.0):
        self.value_per_usd = value_per_usd

    def assign(self, candidates: Candidates, free_channels: np.ndarray) -> np.ndarray:
        gain = candidates.weight * candidates.p_kill
        allowed = worth_firing(candidates, self.value_per_usd) if self.value_per_usd > 0 else gain > 0
        order = np.lexsort((candidates.weapon, candidates.threat, candidates.cost, -gain))
        free = free_channels.copy()
        taken: set[int] = set()
        chosen: list[int] = []
        for row in order:
            threat, unit = int(candidates.threat[row]), int(candidates.unit[row])
            if threat in taken or free[unit] <= 0 or not allowed[row]:
                continue
            taken.add(threat)
            free[unit] -= 1
            chosen.append(int(row))
            if not free.any():
                break
        return np.array(chosen, dtype=int)
