"""The EventLog: one tidy table per replication, every event with its time, threat, unit, place.

Every metric and every replay is computed from this table and nothing else.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

EVENT_KINDS = ("launch", "waypoint", "detect", "engage", "kill", "miss", "ew_loss", "failure", "impact", "damage",
               "track_confirm", "track_lost", "reload", "in_flight")
"""Event kinds; ``waypoint``: the threat passes a turn of its route (or a point of its ballistic
arc), logged up to its end so that replays follow its true path; ``failure``: it failed on its own
or fell short at the end of its range; ``track_confirm`` / ``track_lost`` only in sensor mode
(``run.tracking: sensors``): a firm track on the threat starts / ends (see
:mod:`airshield.engine.tracked_sight`); ``reload``: a unit's launchers of one munition are
reloaded from its magazine (``rounds`` moved); ``in_flight``: the threat still flies at the run's
horizon (its last event)."""
COLUMNS = ("time", "kind", "threat", "unit", "weapon", "rounds", "cost_usd", "x", "y", "z", "asset", "value")


INTEGERS = ("threat", "unit", "weapon", "rounds", "asset")
"""Integer columns of the EventLog; the others but ``kind`` are floats."""


class EventLogBuilder:
    """Collects events as column blocks (and rows added one by one), then freezes them into a
    DataFrame sorted stably by time: blocks in the order added, then the rows."""

    def __init__(self) -> None:
        self._rows: list[tuple] = []
        self._blocks: list[dict[str, np.ndarray]] = []
        self._table: dict[str, np.ndarray] | None = None

    def add(self, time: float, kind: str, threat: int = -1, unit: int = -1, weapon: int = -1, rounds: int = 0,
            cost: float = 0.0, xyz: tuple[float, float, float] = (np.nan, np.nan, np.nan),
            asset: int = -1, value: float = 0.0) -> None:
        """Record one event (positions [m], time [s], cost [USD], value [value points])."""
        self._rows.append((time, kind, threat, unit, weapon, rounds, cost, *xyz, asset, value))

    def add_many(self, kind: str, time: np.ndarray, threat: np.ndarray, xyz: np.ndarray, unit: np.ndarray | None = None) -> None:
        """Record many events of one kind at once (vectorised)."""
        n = len(time)
        self._blocks.append({
            "time": time, "kind": np.full(n, EVENT_KINDS.index(kind)), "threat": threat,
            "unit": unit if unit is not None else np.full(n, -1), "weapon": np.full(n, -1),
            "rounds": np.zeros(n, int), "cost_usd": np.zeros(n), "x": xyz[:, 0], "y": xyz[:, 1], "z": xyz[:, 2],
            "asset": np.full(n, -1), "value": np.zeros(n)})

    def add_table(self, table: np.ndarray, kinds: tuple[str, ...]) -> None:
        """Record the rows of the compiled loop: a float table with the columns of :data:`COLUMNS`
        whose ``kind`` column holds codes into ``kinds`` (in place of rows added one by one)."""
        codes = np.array([EVENT_KINDS.index(k) for k in kinds])
        self._table = {c: table[:, i] for i, c in enumerate(COLUMNS)}
        self._table["kind"] = codes[table[:, 1].astype(int)]

    def freeze(self) -> pd.DataFrame:
        """The event table, sorted stably by time, with ``kind`` as a categorical."""
        parts = list(self._blocks)
        if self._rows:
            columns = list(zip(*self._rows))
            row_block = {c: np.asarray(v) for c, v in zip(COLUMNS, columns)}
            row_block["kind"] = np.array([EVENT_KINDS.index(k) for k in columns[1]])
            parts.append(row_block)
        if self._table is not None and len(self._table["time"]):
            parts.append(self._table)
        data = {c: (np.concatenate([np.asarray(p[c]) for p in parts]) if parts else np.zeros(0)) for c in COLUMNS}
        order = np.argsort(data["time"].astype(float), kind="stable")
        frame = {}
        for c in COLUMNS:
            column = data[c][order]
            if c == "kind":
                frame[c] = pd.Categorical.from_codes(column.astype(int), categories=list(EVENT_KINDS))
            else:
                frame[c] = column.astype(int if c in INTEGERS else float)
        return pd.DataFrame(frame)
