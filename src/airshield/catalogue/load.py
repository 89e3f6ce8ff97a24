"""Load the shipped catalogue files and merge a scenario's overrides into them.

Overrides have the shape of the data files, one level up::

    {"threats": {"shahed-136": {"speed_kmh": 190}},
     "effectors": {"patriot": {"munitions": {"pac-3-mse": {"pk": {"drone": 0.8}}}}}}

A figure may be a plain value (provenance ``scenario override``) or
``{value, source|assumption}``; a new key adds a new type (then every field is needed);
munitions and pk / p_loss classes merge per entry, and a pk class set to null is removed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from airshield.catalogue.build import build_record
from airshield.catalogue.checks import check_effectors, check_sensors, check_threats
from airshield.catalogue.flatten import Parsed, check_key, flatten_entry
from airshield.catalogue.frozenmap import FrozenMap
from airshield.catalogue.model import Catalogue
from airshield.catalogue.sections import SECTIONS, Section, section_named
from airshield.errors import InputError

DATA_DIR = Path(__file__).parent / "data"

Flat = Mapping[str, Mapping[str, Mapping[str, Parsed]]]


def shipped_file(section_name: str) -> str:
    """Path of the shipped data file of a section."""
    return str(DATA_DIR / section_named(section_name).file)


def _read_yaml(path: str) -> Mapping:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"cannot read catalogue file: {exc}", file=path) from None
    if not isinstance(data, Mapping):
        raise InputError("file is not a mapping of type key to fields", file=path)
    return data


def _flatten_section(section: Section, raw: Any, file: str | None, *,
                     shipped: bool) -> dict[str, dict[str, Parsed | None]]:
    base = f"catalogue.{section.name}"
    if not isinstance(raw, Mapping):
        raise InputError(f"{raw!r} is not a mapping", file=file, path=base,
                         expected=f"a mapping of {section.label} key to fields")
    return {check_key(key, f"{base}.{key}", file):
            flatten_entry(fields, section.fields, f"{base}.{key}", file, shipped=shipped)
            for key, fields in raw.items()}


@lru_cache(maxsize=None)
def _shipped_flat() -> Flat:
    sections = {}
    for section in SECTIONS:
        path = shipped_file(section.name)
        entries = _flatten_section(section, _read_yaml(path), path, shipped=True)
        sections[section.name] = FrozenMap({k: FrozenMap(v) for k, v in entries.items()})
    return FrozenMap(sections)


def _merge(base: Mapping[str, Parsed], extra: Mapping[str, Parsed | None]) -> dict:
    merged = dict(base)
    for key, value in extra.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def _assemble(flat: Flat, file_of: Callable[[str, str], str | None]) -> Catalogue:
    parts = {}
    for section in SECTIONS:
        known = list(_shipped_flat()[section.name])
        parts[section.name] = FrozenMap({
            key: build_record(section.record, section.fields, key, entry,
                              f"catalogue.{section.name}.{key}", file_of(section.name, key),
                              label=section.label, known=[k for k in known if k != key])
            for key, entry in flat[section.name].items()})
    check_effectors(parts["effectors"], parts["sensors"], file_of)
    check_sensors(parts["sensors"], file_of)
    check_threats(parts["threats"], file_of)
    return Catalogue(**parts)


@lru_cache(maxsize=None)
def _shipped_catalogue() -> Catalogue:
    return _assemble(_shipped_flat(), lambda name, key: shipped_file(name))


def _override_flat(overrides: Any, file: str | None) -> dict[str, dict]:
    if not isinstance(overrides, Mapping):
        raise InputError(f"{overrides!r} is not a mapping", file=file, path="catalogue",
                         expected="a mapping of section (threats, effectors, sensors, ew) "
                                  "to types")
    return {section_named(name, file=file).name:
            _flatten_section(section_named(name), raw, file, shipped=False)
            for name, raw in overrides.items()}


def load_catalogue(overrides: dict | None = None, *, file: str | None = None) -> Catalogue:
    """The shipped catalogue with a scenario's ``overrides`` (from ``file``) merged in."""
    if not overrides:
        return _shipped_catalogue()
    changes = _override_flat(overrides, file)
    flat = {name: dict(entries) for name, entries in _shipped_flat().items()}
    for name, entries in changes.items():
        for key, extra in entries.items():
            flat[name][key] = _merge(flat[name].get(key, {}), extra)

    def file_of(name: str, key: str) -> str | None:
        return file if key in changes.get(name, {}) else shipped_file(name)

    return _assemble(flat, file_of)
