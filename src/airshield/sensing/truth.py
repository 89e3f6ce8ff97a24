"""What the sensors look at: true positions of n threats over time, with their signatures.

A truth source gives ``position(t)`` (n, 3) [m] and ``active(t)`` (n,) bool at a scalar time;
``rcs`` (n,) [m^2] and ``class_index`` (n,) (index into ``THREAT_CLASSES``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SPEED_STEP = 0.5
"""Half-width of the central difference that estimates speed [s]."""


@dataclass(frozen=True)
class TrajectoryTruth:
    """Truth from :class:`airshield.kinematics.Trajectories` (active between start and end time)."""

    trajectories: object
    rcs: np.ndarray
    class_index: np.ndarray

    @property
    def n(self) -> int:
        return self.trajectories.n

    def position(self, t: float) -> np.ndarray:
        return np.column_stack(self.trajectories.position(t))

    def active(self, t: float) -> np.ndarray:
        return (self.trajectories.start_time <= t) & (t <= self.trajectories.end_time)

    @property
    def start(self) -> np.ndarray:
        return self.trajectories.start_time

    @property
    def end(self) -> np.ndarray:
        return self.trajectories.end_time

    def positions(self, rows: np.ndarray, times: np.ndarray) -> np.ndarray:
        """Positions (k, 3) [m] of trajectories ``rows`` at ``times`` [s] (flat pairs)."""
        rows = np.asarray(rows, int)
        sub = self.trajectories.subset(rows)
        return np.column_stack(sub.position(np.asarray(times, float)))

    def speed(self, t: float) -> np.ndarray:
        """Speed (n,) [m/s] by central difference."""
        a, b = self.position(t - SPEED_STEP), self.position(t + SPEED_STEP)
        return np.linalg.norm(b - a, axis=1) / (2 * SPEED_STEP)


@dataclass(frozen=True)
class FlightTruth:
    """Truth from the engine's per-replication ``Flights``; ``start``/``end`` times [s] per threat
    (launch and the unopposed end: impact, failure or EW loss)."""

    flights: object
    rcs: np.ndarray
    class_index: np.ndarray
    start: np.ndarray
    end: np.ndarray

    @property
    def n(self) -> int:
        return self.flights.n

    def position(self, t: float) -> np.ndarray:
        return self.flights.position(np.arange(self.n), np.full(self.n, float(t)))

    def active(self, t: float) -> np.ndarray:
        return (self.start <= t) & (t <= self.end)

    def positions(self, rows: np.ndarray, times: np.ndarray) -> np.ndarray:
        """Positions (k, 3) [m] of threats ``rows`` at ``times`` [s] (flat pairs)."""
        return self.flights.position(rows, times)

    def speed(self, t: float) -> np.ndarray:
        a, b = self.position(t - SPEED_STEP), self.position(t + SPEED_STEP)
        return np.linalg.norm(b - a, axis=1) / (2 * SPEED_STEP)


def straight_truth(start_xyz, velocity, t_start, t_end, rcs=1.0, class_index=0) -> TrajectoryTruth:
    """n straight constant-velocity flights from ``start_xyz`` (n, 3) [m] at ``t_start`` [s]
    with ``velocity`` (n, 3) [m/s] until ``t_end`` [s] (scalars or (n,))."""
    from airshield.kinematics import Trajectories
    p0 = np.atleast_2d(np.asarray(start_xyz, float))
    v = np.atleast_2d(np.asarray(velocity, float))
    n = len(p0)
    t0 = np.broadcast_to(np.asarray(t_start, float), (n,))
    t1 = np.broadcast_to(np.asarray(t_end, float), (n,))
    p1 = p0 + v * (t1 - t0)[:, None]
    traj = Trajectories(np.column_stack([t0, t1]), *(np.column_stack([p0[:, i], p1[:, i]]) for i in range(3)))
    return TrajectoryTruth(traj, np.broadcast_to(np.asarray(rcs, float), (n,)).copy(),
                           np.broadcast_to(np.asarray(class_index, int), (n,)).copy())
