"""Parsing of the record times: ``YYYY-MM-DD`` or ``YYYY-MM-DD HH:MM`` in Kyiv local time (no tz)."""

from __future__ import annotations

import pandas as pd

_PATTERN = r"^\s*(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?\s*$"


def parse_times(text: pd.Series) -> pd.DataFrame:
    """Parse time strings.

    Returns columns ``time`` (naive datetime64, Kyiv local time; NaT where unparsable or empty)
    and ``date_only`` (True where only a date was given; its time is then 00:00).
    """
    parts = text.fillna("").astype(str).str.extract(_PATTERN)
    hour = parts[1].fillna("0").str.zfill(2)
    minute = parts[2].fillna("00")
    joined = parts[0] + " " + hour + ":" + minute
    time = pd.to_datetime(joined, format="%Y-%m-%d %H:%M", errors="coerce")
    return pd.DataFrame({"time": time, "date_only": parts[1].isna() & parts[0].notna()},
                        index=text.index)


def stamp(time: pd.Timestamp, date_only: bool) -> str:
    """A short ISO text of a time: ``2024-08-26T03:00``, or ``2024-08-25`` for a date-only time."""
    return time.strftime("%Y-%m-%d") if date_only else time.strftime("%Y-%m-%dT%H:%M")
