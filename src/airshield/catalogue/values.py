"""Check one plain value against its FieldSpec and convert it to SI."""

from __future__ import annotations

import math
from typing import Any

from airshield.catalogue.fields import FieldSpec
from airshield.catalogue.types import THREAT_CLASSES
from airshield.errors import InputError, unknown_name


def limits_text(spec: FieldSpec) -> str:
    """Human text of a field's accepted values, e.g. ``a number >= 1 [km/h]``."""
    noun = {"float": "a number", "int": "a whole number", "prob_map": "probabilities"}
    text = noun.get(spec.kind, "")
    if spec.kind in ("bool",):
        return "true or false"
    if spec.kind in ("str",):
        return "a text"
    if spec.kind == "ref":
        return "a type key or null"
    if spec.kind in ("enum", "enum_list"):
        prefix = "one of" if spec.kind == "enum" else "a list of"
        return f"{prefix}: {', '.join(spec.choices)}"
    if spec.kind == "munitions":
        return "a mapping of munition key to munition fields"
    if spec.kind == "loadout":
        return "a mapping of threat type key to loadout fields"
    if spec.minimum is not None and spec.maximum is not None:
        text += f" from {spec.minimum:g} to {spec.maximum:g}"
    elif spec.minimum is not None:
        text += f" >= {spec.minimum:g}"
    if spec.unit:
        text += f" [{spec.unit}]"
    return text


def _error(message: str, spec: FieldSpec, path: str, file: str | None) -> InputError:
    return InputError(message, file=file, path=path, expected=limits_text(spec))


def check_number(spec: FieldSpec, raw: Any, path: str, file: str | None) -> float | int:
    """A number within the spec's limits, converted to SI."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise _error(f"{type(raw).__name__} {raw!r} is not a number", spec, path, file)
    if not math.isfinite(raw):
        raise _error(f"{raw!r} is not a finite number", spec, path, file)
    if spec.kind == "int" and not float(raw).is_integer():
        raise _error(f"{raw!r} is not a whole number", spec, path, file)
    too_low = spec.minimum is not None and raw < spec.minimum
    if too_low or (spec.maximum is not None and raw > spec.maximum):
        raise _error(f"{raw!r} is out of range", spec, path, file)
    if spec.kind == "int":
        return int(raw)
    return float(raw) * spec.si_factor


def check_choice(spec: FieldSpec, raw: Any, path: str, file: str | None) -> str:
    """One of the spec's choices."""
    if not isinstance(raw, str):
        raise _error(f"{raw!r} is not a text", spec, path, file)
    if raw not in spec.choices:
        noun = "threat class" if spec.choices == THREAT_CLASSES else spec.description.lower()
        raise unknown_name(noun, raw, spec.choices, file=file, path=path)
    return raw


def _check_list(spec: FieldSpec, raw: Any, path: str, file: str | None) -> tuple[str, ...]:
    if not isinstance(raw, (list, tuple)) or not raw:
        raise _error(f"{raw!r} is not a non-empty list", spec, path, file)
    items = tuple(check_choice(spec, item, f"{path}[{i}]", file) for i, item in enumerate(raw))
    if len(set(items)) != len(items):
        raise _error("the list repeats a value", spec, path, file)
    return items


def _check_text(spec: FieldSpec, raw: Any, path: str, file: str | None) -> str | None:
    if spec.kind == "ref" and raw is None:
        return None
    if not isinstance(raw, str) or not raw.strip():
        raise _error(f"{raw!r} is not a non-empty text", spec, path, file)
    return raw


def check_value(spec: FieldSpec, raw: Any, path: str, file: str | None) -> Any:
    """The SI value of a plain (already unwrapped) value of field ``spec``."""
    if spec.kind in ("float", "int"):
        return check_number(spec, raw, path, file)
    if spec.kind == "bool":
        if not isinstance(raw, bool):
            raise _error(f"{raw!r} is not true or false", spec, path, file)
        return raw
    if spec.kind == "enum":
        return check_choice(spec, raw, path, file)
    if spec.kind == "enum_list":
        return _check_list(spec, raw, path, file)
    return _check_text(spec, raw, path, file)
