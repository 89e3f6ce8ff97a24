"""Shared fixtures for the history tests: the shipped records (loaded once) and a small CSV writer."""

from __future__ import annotations

import csv

import pytest

from airshield.history import load_records
from airshield.history.columns import CURRENT


@pytest.fixture(scope="session")
def shipped():
    """The shipped records (read-only use)."""
    return load_records()


def _write(path, rows, columns=CURRENT):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
    return path


@pytest.fixture
def write_csv(tmp_path):
    """write_csv(rows, columns=CURRENT, name='r.csv') -> path of a records CSV in tmp_path."""
    def write(rows, columns=CURRENT, name="r.csv"):
        return _write(tmp_path / name, rows, columns)
    return write
