"""Reading ledger rows from YAML (``pledges: [...]``) or CSV (the same columns, ``delivery_from``,
``delivery_to``, ``includes`` separated by ``;``)."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import yaml

from airshield.errors import InputError


def read_rows(path: Path) -> list[Any]:
    """The raw rows of a ledger file, in file order."""
    if not path.exists():
        raise InputError("no such file", file=str(path), path="--ledger")
    if path.suffix.lower() == ".csv":
        return _csv_rows(path)
    from airshield.scenario.yaml_io import read_text
    try:
        data = yaml.safe_load(read_text(path))
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}", file=str(path)) from None
    rows = data.get("pledges") if isinstance(data, dict) else data
    if not isinstance(rows, list) or not rows:
        raise InputError("no pledges found", file=str(path), expected="'pledges:' with a list of rows")
    return rows


def _csv_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(newline="", encoding="utf-8") as handle:
        raw = [{k.strip(): v.strip() for k, v in r.items() if k and v not in (None, "")} for r in csv.DictReader(handle)]
    if not raw:
        raise InputError("no pledges found", file=str(path), expected="a header row and one row per pledge")
    return [_from_csv(r) for r in raw]


def _from_csv(row: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = dict(row)
    first, last = out.pop("delivery_from", None), out.pop("delivery_to", None)
    if first or last:
        out["delivery"] = {"from": first, "to": last or first}
    if "includes" in out:
        out["includes"] = [p.strip() for p in out["includes"].split(";") if p.strip()]
    return out
