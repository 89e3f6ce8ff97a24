"""Absolute times for the exports: the raid's time zero placed on a date.

The start is, in order: the ``start`` given to the export (CLI ``--start``, API ``start=``), the
scenario's ``run.start`` where the scenario schema has one, else :data:`DEFAULT_START`
(2025-01-01T00:00:00Z, an arbitrary fixed date: scenarios need not carry one).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from airshield.errors import InputError

DEFAULT_START = datetime(2025, 1, 1, tzinfo=timezone.utc)
"""Time zero of a raid whose scenario and export name none [UTC]."""


def parse_start(text: str | datetime | None, *, option: str = "--start") -> datetime | None:
    """An aware UTC datetime from ISO 8601 text (no zone: UTC); None stays None; InputError otherwise."""
    if text is None or isinstance(text, datetime):
        return _utc(text) if text is not None else None
    try:
        value = datetime.fromisoformat(str(text).strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"'{str(text)[:60]}' is not a date and time", path=option,
                         expected="ISO 8601, e.g. 2024-08-26T03:00:00+03:00 (no zone: UTC)") from None
    return _utc(value)


def _utc(value: datetime) -> datetime:
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)


def raid_start(world, start: str | datetime | None = None) -> datetime:
    """The raid's time zero [UTC]: ``start``, else the scenario's ``run.start``, else DEFAULT_START."""
    given = parse_start(start)
    if given is not None:
        return given
    scenario = getattr(getattr(world, "run", None), "start", None)
    return _utc(scenario) if isinstance(scenario, datetime) else DEFAULT_START


def iso(start: datetime, seconds: float = 0.0) -> str:
    """ISO 8601 UTC text of ``seconds`` [s] after ``start`` (millisecond precision, ``Z``)."""
    return (start + timedelta(seconds=float(seconds))).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
