"""Helpers for the history tests: a valid record row."""

from __future__ import annotations


def row(**kw):
    """A valid national row of a records CSV; keyword arguments override fields."""
    base = {"time_start": "2024-08-26 03:00", "time_end": "2024-08-26 18:00", "model": "Kalibr",
            "launched": "10", "destroyed": "8", "source": "kpszsu/posts/x"}
    base.update(kw)
    return base
