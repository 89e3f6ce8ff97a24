"""Track state as preallocated columns (no object per track), kept compact: rows [0, count) live."""

from __future__ import annotations

import numpy as np

COLUMNS = {  # name: (trailing shape, dtype)
    "id": ((), int), "x": ((6,), float), "P": ((6, 6), float), "confirmed": ((), bool),
    "hits": ((), int), "looks": ((), int), "misses": ((), int), "manoeuvre": ((), int),
    "born": ((), float), "last_update": ((), float), "updates": ((), int),
}


class TrackArrays:
    """Columns of the live tracks; ``count`` rows in use, capacity doubled when full."""

    def __init__(self, capacity: int = 64):
        self.count = 0
        self.cols = {name: np.zeros((capacity, *shape), dtype=dtype) for name, (shape, dtype) in COLUMNS.items()}

    def __getattr__(self, name: str) -> np.ndarray:
        cols = self.__dict__.get("cols")
        if cols is not None and name in cols:
            return cols[name][: self.count]
        raise AttributeError(name)

    def set(self, name: str, values) -> None:
        """Overwrite column ``name`` of the live rows."""
        self.cols[name][: self.count] = values

    def add(self, **values) -> None:
        """Append rows given as column arrays of equal length (other columns zero)."""
        m = len(values["id"])
        need = self.count + m
        capacity = len(self.cols["id"])
        if need > capacity:
            new = max(need, 2 * capacity)
            for name, col in self.cols.items():
                grown = np.zeros((new, *col.shape[1:]), dtype=col.dtype)
                grown[: self.count] = col[: self.count]
                self.cols[name] = grown
        for name, col in self.cols.items():
            col[self.count: need] = values.get(name, 0)
        self.count = need

    def keep(self, mask: np.ndarray) -> None:
        """Drop the live rows where ``mask`` is False, keeping order."""
        k = int(mask.sum())
        if k == self.count:
            return
        for col in self.cols.values():
            col[:k] = col[: self.count][mask]
        self.count = k


def score_look(tr: "TrackArrays", time: float, hit: np.ndarray, looked: np.ndarray, confirm_m: int,
               confirm_n: int, delete_misses: int, max_coast: float,
               stale_tentative: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """Count a look's hits and misses on the tracks; (newly confirmed, to delete) masks.

    M-of-N initiation: a tentative track is confirmed at ``confirm_m`` hits and dropped after
    ``confirm_n`` looks without it; a confirmed track is deleted after ``delete_misses`` misses in a
    row or ``max_coast`` [s] without an update (tentative ones too when ``stale_tentative``).
    """
    tr.last_update[hit] = time
    tr.updates[hit] += 1
    tr.hits[hit] += 1
    tr.misses[hit] = 0
    tr.misses[looked & ~hit] += 1
    tentative = ~tr.confirmed
    tr.looks[tentative & (looked | hit)] += 1
    confirm = tentative & (tr.hits >= confirm_m)
    tr.confirmed[confirm] = True
    stale = time - tr.last_update > max_coast
    lapsed = tr.looks >= confirm_n
    if stale_tentative:
        lapsed = lapsed | stale
    drop = (tentative & ~confirm & lapsed) | (tr.confirmed & ~confirm & ((tr.misses >= delete_misses) | stale))
    return confirm, drop
