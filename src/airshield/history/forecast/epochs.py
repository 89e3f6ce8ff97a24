"""Dated changes of the defence and the attacker (``data/epochs.csv``), each with a source or assumption.

One row is one change from its date on (piecewise constant until the next row of the same item):

- ``units:<fire-unit type>``: share [0-1] of the laydown's fire units of that type in service;
- ``ew:<EW type>``: share [0-1] of the laydown's EW zones of that type active;
- ``decoy_share``: share [0-1] of reported Shahed-type drones simulated as Gerbera decoys;
- ``drone_altitude_m``: cruise altitude of Shahed-type drones [m].

Before an item's first row the laydown (or catalogue) value applies unchanged.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from airshield.errors import InputError
from airshield.history._data import data_path

EPOCHS_FILE = "epochs.csv"
COLUMNS = ("date", "item", "value", "source", "assumption")
PLAIN_ITEMS = ("decoy_share", "drone_altitude_m")
PREFIXES = ("units:", "ew:")


class EpochRow(BaseModel):
    """One dated change: ``item`` takes ``value`` from ``date`` on; a source or an assumption is required."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    date: pd.Timestamp
    item: str
    value: float = Field(ge=0)
    source: str | None = None
    assumption: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date(cls, text):
        try:
            return pd.Timestamp(str(text))
        except (ValueError, TypeError):
            raise ValueError("not a date (YYYY-MM-DD)") from None

    @field_validator("item")
    @classmethod
    def _item(cls, item: str) -> str:
        if item in PLAIN_ITEMS or (item.startswith(PREFIXES) and item.split(":", 1)[1]):
            return item
        raise ValueError(f"unknown item '{item}': use one of {', '.join(PLAIN_ITEMS)}, units:<type> or ew:<type>")

    @model_validator(mode="after")
    def _provenance(self):
        if not (self.source or self.assumption):
            raise ValueError("a dated change needs a source or an assumption")
        if self.item != "drone_altitude_m" and self.value > 1:
            raise ValueError(f"'{self.item}' is a share: 0 to 1")
        return self


@dataclass(frozen=True)
class Epochs:
    """The dated changes, sorted by date, and the file they came from."""

    rows: tuple[EpochRow, ...]
    file: str

    def at(self, when: pd.Timestamp) -> dict[str, float]:
        """item -> value in force at ``when`` (items without a row on or before it are absent)."""
        state: dict[str, float] = {}
        for row in self.rows:
            if row.date <= when:
                state[row.item] = row.value
        return state

    def table(self) -> pd.DataFrame:
        """The rows as a table (date, item, value, source, assumption)."""
        return pd.DataFrame([r.model_dump() for r in self.rows], columns=list(COLUMNS))


def load_epochs(file: str | Path | None = None) -> Epochs:
    """Read and check an epochs CSV (default: the shipped ``data/epochs.csv``); errors name line and field."""
    path = Path(file) if file is not None else data_path(EPOCHS_FILE)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the epochs file ({exc})", file=str(path), expected="a UTF-8 CSV file") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise InputError(f"columns {reader.fieldnames}", file=str(path), path="header", expected=", ".join(COLUMNS))
    rows = [_row(fields, reader.line_num, str(path)) for fields in reader]
    return Epochs(tuple(sorted(rows, key=lambda r: r.date)), str(path))


def _row(fields: dict, line: int, file: str) -> EpochRow:
    cleaned = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in fields.items()}
    try:
        return EpochRow(**cleaned)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(p) for p in error["loc"]) or "row"
        raise InputError(error["msg"], file=file, path=f"line {line}, {field}",
                         expected="date, item, value and a source or assumption") from None
