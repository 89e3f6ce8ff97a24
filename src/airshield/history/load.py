"""Loading raid records: the shipped file or any upstream file with the current or older columns."""

from __future__ import annotations

from os import PathLike

import pandas as pd

from airshield.errors import InputError
from airshield.history._data import RECORDS_FILE, data_path
from airshield.history.checks import parse_rows
from airshield.history.columns import ALL, REQUIRED
from airshield.history.csvread import read_text_table
from airshield.history.mapping import map_models, unknown_models
from airshield.history.records import Records
from airshield.history.sources import source_tier


def shipped_file() -> str:
    """Path of the shipped records file (rows before 2025-07-01)."""
    return str(data_path(RECORDS_FILE))


def load_records(path: str | PathLike | None = None) -> Records:
    """Load raid records from ``path`` (default: the shipped file).

    Accepts the current upstream column set and the older one (with carrier, cross_border_belarus,
    back_russia); absent optional columns are filled as empty. Bad rows go to ``Records.problems``
    with their CSV line numbers. A missing file or a missing required column raises :class:`InputError`.
    """
    file = str(path) if path is not None else shipped_file()
    raw, problems = read_text_table(file)
    _check_columns(raw, file)
    for column in ALL:
        if column not in raw.columns:
            raw[column] = None
    rows, row_problems = parse_rows(raw)
    rows["source_tier"] = source_tier(rows["source"])
    rows = pd.concat([rows, map_models(rows["model"])], axis=1)
    problems = sorted(problems + row_problems)
    return Records(rows=rows, problems=problems, unknown_models=unknown_models(rows["model"]), file=file)


def _check_columns(raw: pd.DataFrame, file: str) -> None:
    for column in REQUIRED:
        if column not in raw.columns:
            raise InputError(f"missing column '{column}'", file=file, path=column,
                             expected="columns " + ", ".join(REQUIRED),
                             hint="is this the 'missile_attacks_daily.csv' file of the dataset?")
    if raw.columns.duplicated().any():
        dup = raw.columns[raw.columns.duplicated()][0]
        raise InputError(f"column '{dup}' appears twice", file=file, path=dup)
