"""Who shoots at what: the ``Assigner`` role and the greedy baseline.

At each C2 decision time the engine offers the feasible (threat, weapon) candidates; an
assigner returns which to fire. Each threat is engaged at most once per decision and no unit
beyond its free fire channels.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Candidates:
    """Feasible engagements at one decision time, one row each.

    ``weight`` is the threat's value at risk times its class priority [value points];
    ``p_kill`` the salvo's kill probability [-]; ``cost`` the salvo's cost [USD].
    """

    threat: np.ndarray
    weapon: np.ndarray
    unit: np.ndarray
    p_kill: np.ndarray
    weight: np.ndarray
    cost: np.ndarray


class Assigner(ABC):
    """Chooses engagements among candidates."""

    @abstractmethod
    def assign(self, candidates: Candidates, free_channels: np.ndarray) -> np.ndarray:
        """Rows of ``candidates`` to fire; ``free_channels`` per unit row [-]."""


class GreedyAssigner(Assigner):
    """Maximum marginal return, greedily: take candidates by expected value saved
    (weight x p_kill), cheaper salvo first on ties, skipping threats already taken this
    decision and units with no free channel."""

    def assign(self, candidates: Candidates, free_channels: np.ndarray) -> np.ndarray:
        gain = candidates.weight * candidates.p_kill
        order = np.lexsort((candidates.weapon, candidates.threat, candidates.cost, -gain))
        free = free_channels.copy()
        taken: set[int] = set()
        chosen: list[int] = []
        for row in order:
            threat, unit = int(candidates.threat[row]), int(candidates.unit[row])
            if threat in taken or free[unit] <= 0 or gain[row] <= 0:
                continue
            taken.add(threat)
            free[unit] -= 1
            chosen.append(int(row))
            if not free.any():
                break
        return np.array(chosen, dtype=int)
