"""Row checks: which rows are usable, and why the others are not."""

from __future__ import annotations

import numpy as np
import pandas as pd

from airshield.history.columns import COUNTS
from airshield.history.times import parse_times

TIME_FORM = "YYYY-MM-DD or YYYY-MM-DD HH:MM"


def parse_rows(raw: pd.DataFrame) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """Parse times and counts of text rows; return the usable rows and (line, message) problems."""
    rows = raw.copy()
    messages = pd.Series([[] for _ in range(len(rows))], index=rows.index, dtype=object)
    for column in ("time_start", "time_end"):
        _parse_time(rows, column, messages)
    for column in COUNTS:
        _parse_count(rows, column, messages)
    _add(messages, rows["model"].isna(), lambda _: "model is empty")
    _add(messages, (rows["destroyed"] > rows["launched"]) & (rows["launched"] >= 0),
         lambda i: f"destroyed ({rows.at[i, 'destroyed']:g}) > launched ({rows.at[i, 'launched']:g})")
    _add(messages, rows["time_end"] < rows["time_start"], lambda _: "time_end is before time_start")
    bad = messages.map(bool)
    problems = [(int(rows.at[i, "line"]), "; ".join(messages[i])) for i in rows.index[bad]]
    return rows[~bad].reset_index(drop=True), problems


def _add(messages: pd.Series, mask: pd.Series, text) -> None:
    for i in mask.index[mask.fillna(False).to_numpy(dtype=bool)]:
        messages[i].append(text(i))


def _parse_time(rows: pd.DataFrame, column: str, messages: pd.Series) -> None:
    raw = rows[column]
    parsed = parse_times(raw)
    _add(messages, parsed["time"].isna(),
         lambda i: f"{column} {raw[i]!r} is not a time" + f" (expected {TIME_FORM})")
    rows[column] = parsed["time"]
    rows["date_only_" + column.removeprefix("time_")] = parsed["date_only"]


def _parse_count(rows: pd.DataFrame, column: str, messages: pd.Series) -> None:
    """Counts [weapons]: whole numbers >= 0; empty allowed except for ``launched``."""
    raw = rows[column]
    value = pd.to_numeric(raw.str.strip(), errors="coerce").astype(float)
    given = raw.notna() & raw.str.strip().str.lower().ne("nan")
    non_numeric = given & (value.isna() | ~np.isfinite(value.fillna(0)))
    _add(messages, non_numeric, lambda i: f"{column} {raw[i]!r} is not a number")
    _add(messages, value < 0, lambda i: f"{column} is negative ({value[i]:g})")
    _add(messages, (value >= 0) & (value % 1 != 0), lambda i: f"{column} ({value[i]:g}) is not a whole number")
    if column == "launched":
        _add(messages, ~given, lambda _: "launched is empty")
    rows[column] = value.where(np.isfinite(value.fillna(0)))
