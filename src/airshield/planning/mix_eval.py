"""Simulating mixes for procurement: value lost of a mix over a weighted set of raids, replication by
replication with the same seeds for every mix (common random numbers), memoised; paired verification.

Raid j of the set has a weight w_j [nights it stands for] and a day d_j [days after the purchase]:
options whose lead time is longer than d_j have not arrived for that raid.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from airshield.planning.common import interval, simulate, world_of
from airshield.planning.mixer import Mixer
from airshield.planning.options import Option
from airshield.runs.backends import Backend


@dataclass
class MixEvaluator:
    """Value lost per replication of mixes (steps per option), over the raid set."""

    base: Any
    mixer: Mixer
    options: list[Option]
    raids: list[dict]
    weights: list[float]
    days: list[float | None]
    seed: int
    backend: Backend | None = None
    cache: dict[tuple, np.ndarray] = field(default_factory=dict)
    runs: int = 0

    def values(self, steps, replications: int) -> np.ndarray:
        """Weighted value lost of each of the first ``replications`` replications [value points]."""
        key = tuple(int(q) for q in steps)
        held = self.cache.get(key)
        if held is not None and len(held) >= replications:
            return held[:replications]
        total = np.zeros(replications)
        for j, (raid, weight, day) in enumerate(zip(self.raids, self.weights, self.days)):
            arrived = {i: int(q) for i, q in enumerate(key) if q and (day is None or self.options[i].lead_time_days <= day)}
            doc = dict(self.mixer.document(arrived), raid=raid)
            label = f"{self.base.path} (mix {arrived}, raid {j + 1} of {len(self.raids)})"
            total += weight * simulate(world_of(doc, label=label), seed=self.seed, replications=replications,
                                       backend=self.backend)
        self.cache[key] = total
        self.runs += 1
        return total

    def verify(self, steps, predicted: float, replications: int, tolerance: float) -> dict[str, Any]:
        """Paired verification of a mix: its value lost and the saving against today, with 95 % intervals,
        and whether the prediction lies inside the interval of the verified mean (``agrees``)."""
        values = self.values(steps, replications)
        today = self.values([0] * len(self.options), replications)
        verified = interval(values)
        low, high = verified["ci95"]
        return {"predicted": float(predicted), "verified": verified, "saved": interval(today - values),
                "agrees": bool(low - tolerance <= predicted <= high + tolerance)}
