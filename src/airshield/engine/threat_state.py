"""The threats' state in one replication, as columns: alive, when each ended, interceptors in the
air against each, when each may be engaged again, which engagement opportunities were used, and
which weapons were never launched because their carrier was shot down first."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class ThreatState:
    """Per threat: ``alive``; ``ended_at`` [s] (inf while flying); interceptors ``in_flight`` [-];
    ``look_until`` [s], the end of the look (kill assessment) after its last intercept, before
    which it is not engaged again; ``survival`` the product of the miss probabilities of the
    intercepts it met [-]; ``cancelled`` never launched: its carrier was shot down before releasing
    it (its ``ended_at`` is then -inf). Per engagement pair: ``used`` (engaged at least once)."""

    alive: np.ndarray
    ended_at: np.ndarray
    in_flight: np.ndarray
    look_until: np.ndarray
    survival: np.ndarray
    used: np.ndarray
    cancelled: np.ndarray

    @classmethod
    def start(cls, threats: int, pairs: int) -> "ThreatState":
        """Every threat alive, nothing engaged yet."""
        return cls(np.ones(threats, dtype=bool), np.full(threats, np.inf), np.zeros(threats, dtype=int),
                   np.full(threats, -np.inf), np.ones(threats), np.zeros(pairs, dtype=bool),
                   np.zeros(threats, dtype=bool))

    def cancel(self, weapons: np.ndarray) -> None:
        """``weapons`` will never be launched (their carrier was shot down before releasing them)."""
        self.alive[weapons] = False
        self.cancelled[weapons] = True
        self.ended_at[weapons] = -np.inf
