"""Reading a records CSV as text, remembering each row's line number, never failing on a bad row."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from airshield.errors import InputError


def read_text_table(file: str) -> tuple[pd.DataFrame, list[tuple[int, str]]]:
    """All rows of ``file`` as strings (empty cell -> None) with a ``line`` column (header = line 1).

    Rows with the wrong number of fields are returned as problems (line, message), not as rows.
    A missing, unreadable, empty or non-CSV file raises :class:`InputError`.
    """
    text = _read(file)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if not header:
            raise InputError("the file is empty", file=file, expected="a CSV file with a header row")
        header = [name.strip() for name in header]
        rows, lines, problems = _rows(reader, len(header))
    except csv.Error as err:
        raise InputError(f"not a readable CSV file ({err})", file=file) from None
    table = pd.DataFrame(rows, columns=header, dtype=object)
    table.insert(0, "line", pd.array(lines, dtype="int64"))
    return table, problems


def _read(file: str) -> str:
    path = Path(file)
    if not path.is_file():
        raise InputError("file not found", file=file, expected="a raid-records CSV file")
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the file ({err})", file=file, expected="a UTF-8 CSV file") from None


def _rows(reader, width: int) -> tuple[list[list], list[int], list[tuple[int, str]]]:
    rows, lines, problems = [], [], []
    line = reader.line_num + 1
    for fields in reader:
        if fields and any(f.strip() for f in fields):
            if len(fields) == width:
                rows.append([f if f.strip() else None for f in fields])
                lines.append(line)
            else:
                problems.append((line, f"has {len(fields)} fields, expected {width}"))
        line = reader.line_num + 1
    return rows, lines, problems
