"""Checks of ledger rows: known fields, catalogue names (did-you-mean), counts, status, links."""

from __future__ import annotations

from typing import Any

from airshield.catalogue import Catalogue
from airshield.errors import InputError, did_you_mean, unknown_name

FIELDS = ("id", "donor", "reported_as", "system", "munition", "sensor", "ew", "count", "rounds", "announced",
          "delivery", "delivery_assumption", "status", "cost_usd", "cost_as_reported", "source", "notes",
          "includes", "not_counted")
REQUIRED = ("id", "donor", "announced", "status", "source")


def check_row_keys(row: dict, file: str, where: str) -> None:
    """Unknown fields rejected (with a did-you-mean), required ones present."""
    for key in row:
        if key not in FIELDS:
            raise InputError(f"unknown field '{key}'", file=file, path=f"{where}.{key}",
                             expected="one of: " + ", ".join(FIELDS), hint=did_you_mean(str(key), FIELDS))
    for key in REQUIRED:
        if row.get(key) in (None, ""):
            raise InputError(f"missing '{key}'", file=file, path=f"{where}.{key}")


def item_keys(row: dict, file: str, where: str, catalogue: Catalogue) -> dict[str, str | None]:
    """system, munition, sensor, ew as catalogue keys; a munition given with a system must be one it fires."""
    munitions = sorted({m.key for e in catalogue.effectors.values() for m in e.munitions})
    known = {"system": list(catalogue.effectors), "munition": munitions, "sensor": list(catalogue.sensors),
             "ew": list(catalogue.ew)}
    kinds = {"system": "fire-unit type", "munition": "munition", "sensor": "sensor type", "ew": "EW type"}
    out: dict[str, str | None] = {}
    for field, names in known.items():
        value = row.get(field)
        if value in (None, ""):
            out[field] = None
            continue
        if str(value) not in names:
            raise unknown_name(kinds[field], str(value), names, file=file, path=f"{where}.{field}")
        out[field] = str(value)
    if out["system"] and out["munition"]:
        fired = [m.key for m in catalogue.get_effector(out["system"]).munitions]
        if out["munition"] not in fired:
            raise InputError(f"{out['system']} cannot fire '{out['munition']}'", file=file,
                             path=f"{where}.munition", expected="one of: " + ", ".join(fired))
    return out


def count_of(row: dict, key: str, file: str, where: str) -> int | None:
    """A whole count >= 0, or None where the source gives none."""
    value = row.get(key)
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InputError(f"{key} '{value}' is not a number", file=file, path=f"{where}.{key}",
                         expected="a whole number, or null where the source gives none") from None
    if number < 0:
        raise InputError(f"{key} {value} is negative", file=file, path=f"{where}.{key}", expected="0 or more")
    if number != int(number):
        raise InputError(f"{key} {value} is not whole", file=file, path=f"{where}.{key}", expected="a whole number")
    return int(number)


def check_status(row: dict, file: str, where: str, statuses: tuple[str, ...]) -> str:
    status = str(row["status"])
    if status not in statuses:
        raise unknown_name("status", status, statuses, file=file, path=f"{where}.status")
    return status


def check_links(pledges: list, file: str) -> list:
    """Unique ids; ``includes`` names earlier or later rows of the same item; the modelled count of a
    row is its count less the counts of the rows it includes (never negative)."""
    import dataclasses
    ids: dict[str, int] = {}
    for i, p in enumerate(pledges):
        if p.id in ids:
            raise InputError(f"id '{p.id}' used twice (rows {ids[p.id]} and {i})", file=file, path=f"pledges[{i}].id")
        ids[p.id] = i
    out = []
    for i, p in enumerate(pledges):
        part = 0
        for ref in p.includes:
            if ref not in ids:
                raise unknown_name("pledge id", ref, ids, file=file, path=f"pledges[{i}].includes")
            other = pledges[ids[ref]]
            if (other.system, other.munition if not other.system else None) != (p.system, p.munition if not p.system else None):
                raise InputError(f"'{ref}' is not the same item as '{p.id}'", file=file, path=f"pledges[{i}].includes",
                                 expected=f"a row of {p.system or p.munition}")
            part += other.count or 0
        model = None if p.count is None else p.count - part
        if model is not None and model < 0:
            raise InputError(f"the rows it includes count {part}, more than its count {p.count}", file=file,
                             path=f"pledges[{i}].includes", expected="included rows that are parts of this row")
        out.append(dataclasses.replace(p, model_count=model))
    return out
