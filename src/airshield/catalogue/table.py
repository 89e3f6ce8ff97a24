"""One row per figure of a catalogue section, in file units, for the CLI table."""

from __future__ import annotations

from typing import Any

from airshield.catalogue.fields import LOADOUT_FIELDS, MUNITION_FIELDS, FieldSpec
from airshield.catalogue.model import Catalogue
from airshield.catalogue.sections import section_of_kind

ROW_KEYS = ("type", "field", "value", "unit", "provenance")


def file_value(spec: FieldSpec, value: Any) -> Any:
    """An SI attribute value back in the file unit of ``spec`` (lists for tuples)."""
    if value is None or isinstance(value, (bool, str, int)) and spec.kind != "float":
        return value
    if isinstance(value, tuple):
        return list(value)
    return float(f"{value / spec.si_factor:.10g}")


def _row(type_key: str, field: str, value: Any, unit: str, provenance: str) -> dict:
    return dict(zip(ROW_KEYS, (type_key, field, value, unit, provenance)))


def _record_rows(type_key: str, prefix: str, fields: tuple[FieldSpec, ...], record) -> list:
    rows = []
    for spec in fields:
        value = getattr(record, spec.attr)
        if spec.kind in ("munitions", "loadout"):
            continue
        if spec.kind == "prob_map":
            rows += [_row(type_key, f"{prefix}{spec.key}.{cls}", p, "",
                          record.provenance.get(f"{spec.key}.{cls}", ""))
                     for cls, p in value.items()]
            continue
        rows.append(_row(type_key, prefix + spec.key, file_value(spec, value), spec.unit,
                         record.provenance.get(spec.key, "")))
    return rows


def catalogue_rows(catalogue: Catalogue, kind: str) -> list[dict]:
    """Rows ``{type, field, value, unit, provenance}`` of section ``kind``
    (``threat``, ``effector``, ``sensor`` or ``ew``); values in file units."""
    section = section_of_kind(kind)
    rows = []
    for key, record in getattr(catalogue, section.name).items():
        rows += _record_rows(key, "", section.fields, record)
        for munition in getattr(record, "munitions", ()):
            rows += _record_rows(key, f"munitions.{munition.key}.", MUNITION_FIELDS, munition)
        for weapon in getattr(record, "weapons", ()):
            rows += _record_rows(key, f"weapons.{weapon.key}.", LOADOUT_FIELDS, weapon)
    return rows
