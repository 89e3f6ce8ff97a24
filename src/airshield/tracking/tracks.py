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
