"""Turn one raw catalogue entry into flat, checked figures.

An entry becomes ``{flat key: Parsed}`` with flat keys such as ``speed_kmh``,
``pk.ballistic`` or ``munitions.pac-3-mse.range_max_km``; overrides then merge by
``dict.update``. A flat value of ``None`` (overrides only) removes a pk / p_loss class.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from airshield.catalogue.fields import LOADOUT_FIELDS, MUNITION_FIELDS, FieldSpec
from airshield.catalogue.figures import unwrap
from airshield.catalogue.values import check_choice, check_number, check_value
from airshield.errors import InputError, did_you_mean

KEY_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Parsed:
    """One checked value in SI units and its provenance text (or None)."""

    value: Any
    provenance: str | None


def check_key(key: Any, path: str, file: str | None) -> str:
    """A type or munition key: lowercase, hyphenated."""
    if not isinstance(key, str) or not KEY_PATTERN.match(key):
        raise InputError(f"bad key {key!r}", file=file, path=path,
                         expected="lowercase letters and digits joined by hyphens, "
                                  "e.g. 'shahed-136'")
    return key


def _mapping(raw: Any, path: str, file: str | None, what: str) -> Mapping:
    if not isinstance(raw, Mapping):
        raise InputError(f"{type(raw).__name__} {raw!r} is not a mapping", file=file,
                         path=path, expected=what)
    return raw


def _flatten_map(spec: FieldSpec, raw: Any, path: str, file: str | None,
                 shipped: bool) -> dict[str, Parsed | None]:
    entries = _mapping(raw, path, file, "a mapping of threat class to probability")
    out: dict[str, Parsed | None] = {}
    for cls, figure in entries.items():
        sub = f"{path}.{cls}"
        check_choice(spec, cls, sub, file)
        if figure is None and not shipped:
            out[f"{spec.key}.{cls}"] = None
            continue
        value, provenance = unwrap(figure, sub, file, shipped=shipped, figure=True)
        out[f"{spec.key}.{cls}"] = Parsed(check_number(spec, value, sub, file), provenance)
    return out


NESTED = {"munitions": (MUNITION_FIELDS, "munition"), "loadout": (LOADOUT_FIELDS, "weapon")}
"""Field kinds holding a mapping of key to an entry of their own table: (fields, what a key names)."""


def _flatten_nested(spec: FieldSpec, raw: Any, path: str, file: str | None,
                    shipped: bool) -> dict[str, Parsed | None]:
    fields, noun = NESTED[spec.kind]
    entries = _mapping(raw, path, file, f"a mapping of {noun} key to {noun} fields")
    out: dict[str, Parsed | None] = {}
    for key, entry in entries.items():
        sub = f"{path}.{check_key(key, f'{path}.{key}', file)}"
        flat = flatten_entry(entry, fields, sub, file, shipped=shipped)
        out.update({f"{spec.key}.{key}.{k}": v for k, v in flat.items()})
    return out


def _flatten_field(spec: FieldSpec, raw: Any, path: str, file: str | None,
                   shipped: bool) -> dict[str, Parsed | None]:
    if spec.kind in NESTED:
        return _flatten_nested(spec, raw, path, file, shipped)
    if spec.kind == "prob_map":
        return _flatten_map(spec, raw, path, file, shipped)
    value, provenance = unwrap(raw, path, file, shipped=shipped, figure=spec.is_figure)
    return {spec.key: Parsed(check_value(spec, value, path, file), provenance)}


def flatten_entry(raw: Any, fields: tuple[FieldSpec, ...], path: str, file: str | None,
                  *, shipped: bool) -> dict[str, Parsed | None]:
    """The checked flat figures of one entry (type or munition) given as a mapping."""
    entry = _mapping(raw, path, file, "a mapping of field name to value")
    specs = {spec.key: spec for spec in fields}
    out: dict[str, Parsed | None] = {}
    for key, value in entry.items():
        spec = specs.get(key)
        if spec is None:
            raise InputError(f"unknown field '{key}'", file=file, path=f"{path}.{key}",
                             expected=f"one of: {', '.join(specs)}",
                             hint=did_you_mean(str(key), specs))
        out.update(_flatten_field(spec, value, f"{path}.{key}", file, shipped))
    return out
