"""Dates at the precision a source gives: a day, a month or a year, as a closed range of days."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from airshield.errors import InputError

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def parse_period(value, *, file: str | None, path: str) -> tuple[dt.date, dt.date]:
    """``2025``, ``2025-04`` or ``2025-04-11`` (or a YAML date) -> (first day, last day) of that period."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value
    match = _PATTERN.match(str(value).strip()) if value is not None else None
    if not match:
        raise InputError(f"'{value}' is not a date", file=file, path=path,
                         expected="YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        raise InputError(f"'{value}' is not a calendar date", file=file, path=path,
                         expected="a real month (1-12) and day") from None


def month_start(day: dt.date) -> dt.date:
    """The first day of ``day``'s month."""
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after ``day``'s month."""
    index = day.year * 12 + (day.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> list[dt.date]:
    """First days of the months from ``first``'s month to ``last``'s month, inclusive."""
    out, current = [], month_start(first)
    while current <= last:
        out.append(current)
        current = add_months(current, 1)
    return out


def days_in_month(day: dt.date) -> int:
    """Days in ``day``'s month [days]."""
    return calendar.monthrange(day.year, day.month)[1]


def label(day: dt.date) -> str:
    """``2025-07`` for any day of July 2025."""
    return f"{day.year:04d}-{day.month:02d}"
