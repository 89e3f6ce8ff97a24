"""Seeds: replication i of a run with seed s always uses SeedSequence(s, spawn_key=(i,)).

That is exactly the i-th child of ``SeedSequence(s).spawn(n)`` for any n, so a run extended by more
replications, resumed, or split over any number of workers draws the same numbers.
"""

from __future__ import annotations

import numpy as np


def replication_seed(seed: int, index: int) -> np.random.SeedSequence:
    """The seed sequence of replication ``index`` of a run seeded with ``seed``."""
    return np.random.SeedSequence(seed, spawn_key=(index,))


def replication_seeds(seed: int, replications: int) -> list[np.random.SeedSequence]:
    """Seed sequences of replications 0 .. replications-1."""
    return [replication_seed(seed, i) for i in range(replications)]
