"""What a tracker hands on: the current picture, the recorded history and track events."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

HISTORY_COLUMNS = ("time", "track", "x", "y", "z", "vx", "vy", "vz", "sigma", "confirmed")
EVENT_NAMES = ("initiate", "confirm", "delete")


def position_sigma(P: np.ndarray) -> np.ndarray:
    """Track quality: 1-sigma position error along the worst axis, sqrt(lambda_max(P_pos)) (k,) [m]."""
    if len(P) == 0:
        return np.zeros(0)
    return np.sqrt(np.maximum(np.linalg.eigvalsh(P[:, :3, :3])[:, -1], 0.0))


@dataclass(frozen=True)
class TrackPicture:
    """Live tracks at ``time`` [s]: ``id`` (k,), ``x`` (k, 6) [m, m/s], ``P`` (k, 6, 6),
    ``confirmed`` (k,), ``sigma`` (k,) [m] (see :func:`position_sigma`), ``last_update`` (k,) [s]."""

    time: float
    id: np.ndarray
    x: np.ndarray
    P: np.ndarray
    confirmed: np.ndarray
    sigma: np.ndarray
    last_update: np.ndarray

    def firm(self, max_sigma: float = np.inf, max_age: float = np.inf) -> np.ndarray:
        """Mask of confirmed tracks good enough for fire control: position sigma <= ``max_sigma``
        [m] and updated within ``max_age`` [s]."""
        return self.confirmed & (self.sigma <= max_sigma) & (self.time - self.last_update <= max_age)


@dataclass(frozen=True)
class TrackHistory:
    """Confirmed-track states after each tracker step, as columns (see ``HISTORY_COLUMNS``),
    and track events (``event_time`` [s], ``event`` index into ``EVENT_NAMES``, ``event_track``)."""

    time: np.ndarray
    track: np.ndarray
    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    vx: np.ndarray
    vy: np.ndarray
    vz: np.ndarray
    sigma: np.ndarray
    confirmed: np.ndarray
    event_time: np.ndarray
    event: np.ndarray
    event_track: np.ndarray

    @property
    def xyz(self) -> np.ndarray:
        return np.column_stack([self.x, self.y, self.z])

    def to_frame(self):
        """The states as a pandas DataFrame."""
        import pandas as pd
        return pd.DataFrame({c: getattr(self, c) for c in HISTORY_COLUMNS})

    def events_frame(self):
        """The events as a pandas DataFrame (time, event name, track)."""
        import pandas as pd
        return pd.DataFrame({"time": self.event_time, "event": np.array(EVENT_NAMES)[self.event],
                             "track": self.event_track})

    def at(self, time: float) -> np.ndarray:
        """Rows of the last record at ``time`` [s] (after all sensors' updates at that time)."""
        rows = np.flatnonzero(self.time == time)
        if len(rows) == 0:
            return rows
        # several steps may share a time (sequential sensor updates): keep each track's last row
        _, last = np.unique(self.track[rows][::-1], return_index=True)
        return np.sort(rows[::-1][last])
