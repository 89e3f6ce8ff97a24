"""Piecewise-linear 3D trajectories of many threats, stored as numpy columns.

Each of the n trajectories has S straight segments between S+1 waypoints. Shorter
trajectories are padded by repeating their last waypoint, so padded segments have zero
duration. Coordinates are local metric: x east [m], y north [m], z altitude above ground [m].
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Trajectories:
    """n piecewise-linear trajectories with waypoints ``t, x, y, z`` of shape (n, S+1).

    ``t`` are waypoint times [s] (nondecreasing along each row), ``x, y, z`` positions [m].
    """

    t: np.ndarray
    x: np.ndarray
    y: np.ndarray
    z: np.ndarray

    def __post_init__(self) -> None:
        arrays = [np.atleast_2d(np.asarray(a, dtype=float)) for a in (self.t, self.x, self.y, self.z)]
        shape = arrays[0].shape
        if any(a.shape != shape for a in arrays) or len(shape) != 2 or shape[1] < 2:
            raise ValueError(f"t, x, y, z must share one shape (n, S+1) with S >= 1, got "
                             f"{[a.shape for a in arrays]}")
        if np.any(np.diff(arrays[0], axis=1) < 0):
            raise ValueError("waypoint times must be nondecreasing along each trajectory")
        for name, value in zip("txyz", arrays):
            object.__setattr__(self, name, value)

    @property
    def n(self) -> int:
        """Number of trajectories."""
        return self.t.shape[0]

    @property
    def segments(self) -> int:
        """Number of segments S per trajectory (including padding)."""
        return self.t.shape[1] - 1

    @property
    def start_time(self) -> np.ndarray:
        """Time of the first waypoint (n,) [s]."""
        return self.t[:, 0]

    @property
    def end_time(self) -> np.ndarray:
        """Time of the last waypoint (n,) [s]."""
        return self.t[:, -1]

    def position(self, time: float | np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Positions (x, y, z) (n,) [m] at a scalar or (n,) array of times [s].

        Times outside [start_time, end_time] are clamped to the first/last waypoint.
        """
        tc = np.clip(np.broadcast_to(np.asarray(time, dtype=float), (self.n,)),
                     self.start_time, self.end_time)
        k = np.sum(self.t[:, 1:-1] <= tc[:, None], axis=1)[:, None]
        t0 = np.take_along_axis(self.t, k, axis=1)[:, 0]
        dt = np.take_along_axis(self.t, k + 1, axis=1)[:, 0] - t0
        frac = np.where(dt > 0, (tc - t0) / np.where(dt > 0, dt, 1.0), 0.0)
        return tuple(_lerp(a, k, frac) for a in (self.x, self.y, self.z))

    def position_of(self, index: int, time: float) -> tuple[float, float, float]:
        """Position (x, y, z) [m] of trajectory ``index`` at scalar ``time`` [s], clamped."""
        t = self.t[index]
        return tuple(float(np.interp(time, t, a[index])) for a in (self.x, self.y, self.z))

    def subset(self, indices: np.ndarray | Sequence[int]) -> "Trajectories":
        """The trajectories at ``indices`` (integer indices or boolean mask)."""
        idx = np.asarray(indices)
        return Trajectories(self.t[idx], self.x[idx], self.y[idx], self.z[idx])

    @staticmethod
    def concat(parts: Sequence["Trajectories"]) -> "Trajectories":
        """All trajectories of ``parts`` stacked, padded to the largest segment count."""
        if not parts:
            raise ValueError("concat needs at least one Trajectories")
        width = max(p.segments for p in parts) + 1
        cols = [np.concatenate([_pad(getattr(p, name), width) for p in parts])
                for name in "txyz"]
        return Trajectories(*cols)


def _lerp(a: np.ndarray, k: np.ndarray, frac: np.ndarray) -> np.ndarray:
    """Linear interpolation within segment k of each row of ``a``."""
    a0 = np.take_along_axis(a, k, axis=1)[:, 0]
    a1 = np.take_along_axis(a, k + 1, axis=1)[:, 0]
    return a0 + (a1 - a0) * frac


def _pad(a: np.ndarray, width: int) -> np.ndarray:
    """``a`` (n, w) padded to (n, width) by repeating its last column."""
    extra = width - a.shape[1]
    if extra == 0:
        return a
    return np.concatenate([a, np.repeat(a[:, -1:], extra, axis=1)], axis=1)
