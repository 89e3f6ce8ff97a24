"""Weapon-target assignment at each decision: the static WTA over the threats engageable now.

Each unit with free channels is a weapon that may fire ``free channels`` salvos; its kill
probability against a threat is that of its best allowed munition for it (by expected value saved
net of cost). Targets are the threats, valued at their weighted value at risk. The WTA solver
minimises the expected surviving value; several units may engage one threat at once when the
solver finds it worth it (one salvo per unit and threat) and the threat has no second chance (its windows leave no time to look
and shoot again); a threat with a second chance gets one engagement now (shoot-look-shoot), and
units freed by that cap are assigned again. With ``value_per_usd`` > 0, pairs that fail the cost
rule are removed first (cost-aware WTA).
"""

from __future__ import annotations

import numpy as np

from airshield.c2.assigner import Assigner, Candidates, worth_firing
from airshield.wta import WtaProblem, WtaSolver


class WtaAssigner(Assigner):
    """Static WTA per decision with a pluggable solver (heuristic by default)."""

    concurrent = True

    def __init__(self, solver: WtaSolver, value_per_usd: float = 0.0, time_limit: float = 0.05):
        self.solver = solver
        self.value_per_usd = value_per_usd
        self.time_limit = time_limit

    def assign(self, candidates: Candidates, free_channels: np.ndarray) -> np.ndarray:
        allowed = worth_firing(candidates, self.value_per_usd) if self.value_per_usd > 0 else candidates.p_kill > 0
        free = free_channels.copy()
        chosen: list[int] = []
        for _ in range(3):
            rows = np.flatnonzero(allowed & (free[candidates.unit] > 0))
            if not len(rows):
                break
            picked = self._solve(candidates, rows, free)
            picked = _one_each_with_second_chance(candidates, picked)
            if not len(picked):
                break
            chosen.extend(picked.tolist())
            np.subtract.at(free, candidates.unit[picked], 1)
            taken = np.isin(candidates.threat, candidates.threat[picked])
            allowed &= ~(taken & candidates.second_chance)
        return np.array(chosen, dtype=int)

    def _solve(self, candidates: Candidates, rows: np.ndarray, free: np.ndarray) -> np.ndarray:
        best = _best_row_per_pair(candidates, rows, self.value_per_usd)
        units, unit_index = np.unique(candidates.unit[best], return_inverse=True)
        threats, threat_index = np.unique(candidates.threat[best], return_inverse=True)
        p = np.zeros((len(units), len(threats)))
        row_of = np.full((len(units), len(threats)), -1)
        p[unit_index, threat_index] = candidates.p_kill[best]
        row_of[unit_index, threat_index] = best
        values = np.zeros(len(threats))
        np.maximum.at(values, threat_index, candidates.weight[best])
        problem = WtaProblem(values=values, p=p, mu=free[units])
        x = self.solver.solve(problem, time_limit=self.time_limit).x
        picked = [row_of[i, j] for i, j in zip(*np.nonzero(x))]
        return np.array([r for r in picked if r >= 0], dtype=int)


def _one_each_with_second_chance(candidates: Candidates, picked: np.ndarray) -> np.ndarray:
    """Keep, for a threat with a second chance, only its most likely kill among ``picked``."""
    order = picked[np.lexsort((candidates.cost[picked], -candidates.p_kill[picked]))]
    seen: set[int] = set()
    kept = []
    for row in order:
        threat = int(candidates.threat[row])
        if candidates.second_chance[row] and threat in seen:
            continue
        seen.add(threat)
        kept.append(int(row))
    return np.array(sorted(kept), dtype=int)


def _best_row_per_pair(candidates: Candidates, rows: np.ndarray, value_per_usd: float) -> np.ndarray:
    """For each (unit, threat), the candidate row (munition) with the largest net value."""
    net = candidates.weight[rows] * candidates.p_kill[rows] - value_per_usd * candidates.cost[rows]
    order = np.lexsort((candidates.cost[rows], -net, candidates.threat[rows], candidates.unit[rows]))
    ordered = rows[order]
    pair = candidates.unit[ordered] * (int(candidates.threat.max()) + 1) + candidates.threat[ordered]
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = pair[1:] != pair[:-1]
    return ordered[first]
