"""Finding a raid by id, start time or date."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from airshield.errors import InputError
from airshield.history.raids import Raid, raids
from airshield.history.records import Records

OVERNIGHT_FROM_HOUR = 12
"""A raid starting on the previous day at or after this hour [h] and ending on the date is 'overnight into' it."""


def raid(records: Records, id_or_date: str, sources: str = "national") -> Raid:
    """The raid with id ``id_or_date``, or the one raid starting at that time or on that date.

    A date (``YYYY-MM-DD``) finds raids starting that day or overnight into it; more than one
    candidate raises :class:`InputError` listing them.
    """
    every = raids(records, sources)
    exact = [r for r in every if r.id == id_or_date]
    if exact:
        return exact[0]
    found = _candidates(every, id_or_date)
    if len(found) == 1:
        return found[0]
    if not found:
        raise InputError(f"no raid matches '{id_or_date}'", file=records.file, path="raid",
                         expected="a raid id such as 2024-08-26T03:00 or a date YYYY-MM-DD",
                         hint="list raids with `airshield history raids`")
    listing = ", ".join(f"{r.id} ({r.total('launched')} launched)" for r in found)
    raise InputError(f"'{id_or_date}' matches {len(found)} raids: {listing}", file=records.file, path="raid",
                     expected="one raid id")


def _candidates(every: list[Raid], text: str) -> list[Raid]:
    try:
        when = pd.Timestamp(text.strip())
    except (ValueError, TypeError):
        raise InputError(f"'{text}' is neither a raid id nor a date", path="raid",
                         expected="a raid id such as 2024-08-26T03:00 or a date YYYY-MM-DD") from None
    if when.tz is not None or pd.isna(when):
        raise InputError(f"'{text}' is not a local date", path="raid", expected="YYYY-MM-DD[THH:MM]")
    if len(text.strip()) > 10:
        return [r for r in every if r.start == when]
    return [r for r in every if _on_date(r, when.date())]


def _on_date(r: Raid, day: dt.date) -> bool:
    start = r.start.date()
    if start == day:
        return True
    overnight = start == day - dt.timedelta(days=1) and r.start.hour >= OVERNIGHT_FROM_HOUR
    return overnight and r.end.date() == day
