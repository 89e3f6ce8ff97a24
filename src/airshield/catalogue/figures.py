"""Unwrap a figure ``{value, source|assumption}`` into its value and provenance text."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from airshield.errors import InputError, did_you_mean

FIGURE_KEYS = ("value", "source", "assumption")
OVERRIDE = "scenario override"
FIGURE_FORM = "{value: ..., source: '...'} or {value: ..., assumption: '...'}"


def _provenance(raw: Mapping, path: str, file: str | None) -> str | None:
    given = [k for k in ("source", "assumption") if k in raw]
    if len(given) > 1:
        raise InputError("a figure takes a source or an assumption, not both", file=file,
                         path=path, expected=FIGURE_FORM)
    if not given:
        return None
    text = raw[given[0]]
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{given[0]} must be a non-empty text", file=file,
                         path=f"{path}.{given[0]}", expected="a text")
    return f"{given[0]}: {text.strip()}"


def _check_keys(raw: Mapping, path: str, file: str | None) -> None:
    for key in raw:
        if key not in FIGURE_KEYS:
            raise InputError(f"unknown figure key '{key}'", file=file, path=f"{path}.{key}",
                             expected="value, source, assumption",
                             hint=did_you_mean(str(key), FIGURE_KEYS))
    if "value" not in raw:
        raise InputError("figure has no value", file=file, path=path, expected=FIGURE_FORM)


def unwrap(raw: Any, path: str, file: str | None, *, shipped: bool,
           figure: bool) -> tuple[Any, str | None]:
    """``(value, provenance)`` of a field; shipped figures must carry their provenance."""
    if isinstance(raw, Mapping):
        _check_keys(raw, path, file)
        provenance = _provenance(raw, path, file)
        if provenance is None and shipped and figure:
            raise InputError("figure has no source or assumption", file=file, path=path,
                             expected=FIGURE_FORM)
        return raw["value"], provenance or (None if shipped else OVERRIDE)
    if shipped and figure:
        raise InputError("figure has no source or assumption", file=file, path=path,
                         expected=FIGURE_FORM)
    return raw, None if shipped else OVERRIDE
