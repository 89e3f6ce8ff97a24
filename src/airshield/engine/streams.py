"""Common random numbers per threat: each random quantity of a threat is a pure function of the
replication's key, the threat's number in the raid, what it is for, and an index.

So two runs on the same seed draw the same launch, aim, route, failure, EW and scan numbers for
every threat whatever the defence does, and the k-th intercept against a threat uses the same
kill draw in both: adding a fire unit or a sensor changes nothing else, and a paired comparison
of two defences differs only by what the defences did.

The numbers come from a counter-based generator: SplitMix64's finaliser applied twice to the key,
the threat, the purpose and the index (64-bit wrap-around arithmetic), the top 53 bits giving a
uniform number on [0, 1). Vectorised over threats and indices; no state is carried between calls.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

GOLDEN = np.uint64(0x9E3779B97F4A7C15)
MIX1 = np.uint64(0xBF58476D1CE4E5B9)
MIX2 = np.uint64(0x94D049BB133111EB)
INDEX_SALT = np.uint64(0xD6E8FEB86659FD93)
TWO_TO_MINUS_53 = 2.0 ** -53

PURPOSES = ("launch_time", "launch_radius", "launch_angle", "target", "aim_radius", "aim_angle", "miss_x",
            "miss_y", "altitude", "failure", "failure_when", "dogleg_size", "dogleg_side", "ew_lost", "ew_when",
            "scan_phase", "scan_count", "kill")
"""What a threat draws numbers for; the position in this tuple is part of the counter, so new
purposes are appended (never inserted) to keep earlier draws as they were."""


def _mix(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser (uint64 in, uint64 out)."""
    x = (x ^ (x >> np.uint64(30))) * MIX1
    x = (x ^ (x >> np.uint64(27))) * MIX2
    return x ^ (x >> np.uint64(31))


@dataclass(frozen=True)
class ThreatStreams:
    """The random numbers of one replication, keyed by ``key`` (uint64)."""

    key: int

    @classmethod
    def of(cls, seed: np.random.SeedSequence | int) -> "ThreatStreams":
        """The streams of a replication seed (a SeedSequence or an integer seed)."""
        sequence = seed if isinstance(seed, np.random.SeedSequence) else np.random.SeedSequence(seed)
        return cls(int(sequence.generate_state(1, np.uint64)[0]))

    def uniform(self, purpose: str, threat, index=0) -> np.ndarray:
        """Uniform numbers on [0, 1) for ``threat`` numbers and ``index`` (broadcast) [-]."""
        code = np.uint64(PURPOSES.index(purpose) + 1)
        threat = np.asarray(threat, dtype=np.uint64)
        index = np.asarray(index, dtype=np.uint64)
        with np.errstate(over="ignore"):
            x = _mix(np.uint64(self.key) + GOLDEN * (threat + np.uint64(1)))
            x = _mix(x ^ (code * GOLDEN + index * INDEX_SALT))
        return np.atleast_1d(x >> np.uint64(11)).astype(np.float64) * TWO_TO_MINUS_53

    def normal(self, purpose: str, threat, index=0) -> np.ndarray:
        """Standard normal numbers (Box-Muller on two uniforms of ``purpose``) [-]."""
        index = np.asarray(index, dtype=np.int64)
        u1 = self.uniform(purpose, threat, 2 * index)
        u2 = self.uniform(purpose, threat, 2 * index + 1)
        return np.sqrt(-2.0 * np.log1p(-u1)) * np.cos(2.0 * np.pi * u2)

    def geometric(self, purpose: str, threat, index, p: np.ndarray) -> np.ndarray:
        """Trials up to the first success with success probability ``p`` per trial (inverse CDF) [-]."""
        u = self.uniform(purpose, threat, index)
        p = np.clip(np.asarray(p, dtype=float), 1e-300, 1.0)
        with np.errstate(divide="ignore", invalid="ignore"):
            trials = np.ceil(np.log1p(-u) / np.log1p(-p))
        return np.where(p >= 1.0, 1, np.maximum(trials, 1)).astype(np.int64)
