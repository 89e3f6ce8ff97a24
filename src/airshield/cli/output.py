"""Printing for the CLI: JSON for machines, rich tables for people (numbers by the policy of
:mod:`airshield.numbers`), one-line errors."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence


def print_json(data) -> None:
    """Write ``data`` as indented JSON to standard output."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def print_table(title: str, columns: Sequence[str], rows: Iterable[Sequence]) -> None:
    """A readable table on standard output; numbers formatted by :func:`airshield.numbers.format_number`."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from airshield.numbers import format_number
    table = Table(title=escape(title), title_justify="left")
    for column in columns:
        table.add_column(escape(str(column)), overflow="fold")
    for row in rows:
        table.add_row(*(escape(format_number(v)) for v in row))  # '[threats]' is text, not rich markup
    Console(width=max(120, Console().width)).print(table)


def print_error(message: str) -> None:
    """One clear line on standard error."""
    sys.stderr.write(f"error: {message}\n")
