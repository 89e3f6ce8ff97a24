"""The engine as the judge of raids: value lost per asset, replication by replication, against one
defence, with the same seed for every raid (common random numbers) and results cached per raid."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from airshield.planning.common import world_of
from airshield.runs.backends import Backend, SerialBackend

SEARCH_REPLICATIONS = 10_000
"""Replication indices the search runs start at: the verifying runs (0, 1, ...) never see them."""


@dataclass
class EngineJudge:
    """Runs raids against ``document``'s defence: ``weights`` (assets,) turn value lost per asset into
    the objective; ``runs`` counts engine replications run (cache hits are free)."""

    document: dict[str, Any]
    weights: np.ndarray
    seed: int
    label: str
    backend: Backend = field(default_factory=SerialBackend)
    runs: int = 0
    cache: dict = field(default_factory=dict)

    def by_asset(self, raid: dict[str, Any], indices: range) -> np.ndarray:
        """(replications, assets) value lost at each asset [value points], in replication order."""
        return self._run(raid, indices)[0]

    def by_wave(self, raid: dict[str, Any], indices: range) -> np.ndarray:
        """(replications, waves) the objective's value lost to each wave's threats [value points]."""
        return self._run(raid, indices)[1]

    def _run(self, raid: dict[str, Any], indices: range) -> tuple[np.ndarray, np.ndarray]:
        key = (json.dumps(raid["waves"], sort_keys=True), indices.start, indices.stop)
        if key not in self.cache and not raid["waves"]:  # no raid, nothing lost
            self.cache[key] = (np.zeros((len(indices), len(self.weights))), np.zeros((len(indices), 0)))
        if key not in self.cache:
            document = {**self.document, "raid": raid}
            world = world_of(document, label=f"{self.label} ({raid.get('name', 'raid')})")
            results = sorted(self.backend.run(world, self.seed, list(indices), True), key=lambda r: r.index)
            wave_of = np.repeat(np.arange(len(world.waves.name)), world.waves.count)
            self.cache[key] = (np.array([[r.metrics.value_lost_by_asset[a] for a in world.assets.name]
                                         for r in results], dtype=float),
                               np.array([self._per_wave(r.events, wave_of) for r in results]))
            self.runs += len(indices)
        return self.cache[key]

    def _per_wave(self, events, wave_of: np.ndarray) -> np.ndarray:
        damage = events[events.kind == "damage"]
        weighted = damage["value"].to_numpy() * self.weights[damage["asset"].to_numpy(dtype=int)]
        return np.bincount(wave_of[damage["threat"].to_numpy(dtype=int)], weights=weighted,
                           minlength=int(wave_of.max()) + 1 if len(wave_of) else 0)

    def objective(self, raid: dict[str, Any], indices: range) -> np.ndarray:
        """(replications,) the attacker's objective [value points]."""
        return self.by_asset(raid, indices) @ self.weights

    def total(self, raid: dict[str, Any], indices: range) -> np.ndarray:
        """(replications,) all value lost [value points]."""
        return self.by_asset(raid, indices).sum(axis=1)


def search_indices(replications: int) -> range:
    """The replication indices of the search's engine runs."""
    return range(SEARCH_REPLICATIONS, SEARCH_REPLICATIONS + replications)


def verify_indices(replications: int) -> range:
    """The replication indices of the verifying runs (those of ``airshield run`` with the same seed)."""
    return range(replications)
