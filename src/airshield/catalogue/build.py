"""Build immutable type records from flat, checked figures."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from airshield.catalogue.fields import LOADOUT_FIELDS, MUNITION_FIELDS, FieldSpec
from airshield.catalogue.flatten import Parsed
from airshield.catalogue.frozenmap import FrozenMap
from airshield.catalogue.types import Loadout, Munition
from airshield.errors import InputError, did_you_mean


def _sub(flat: Mapping[str, Parsed], prefix: str) -> dict[str, Parsed]:
    return {k[len(prefix):]: v for k, v in flat.items() if k.startswith(prefix)}


def _munitions(flat: Mapping[str, Parsed], path: str, file: str | None) -> tuple[Munition, ...]:
    keys = list(dict.fromkeys(k.split(".")[1] for k in flat if k.startswith("munitions.")))
    if not keys:
        raise InputError("effector has no munitions", file=file, path=f"{path}.munitions",
                         expected="at least one munition")
    return tuple(build_record(Munition, MUNITION_FIELDS, key, _sub(flat, f"munitions.{key}."),
                              f"{path}.munitions.{key}", file, label="munition")
                 for key in keys)


def _loadout(flat: Mapping[str, Parsed], path: str, file: str | None) -> tuple[Loadout, ...]:
    keys = list(dict.fromkeys(k.split(".")[1] for k in flat if k.startswith("weapons.")))
    return tuple(build_record(Loadout, LOADOUT_FIELDS, key, _sub(flat, f"weapons.{key}."),
                              f"{path}.weapons.{key}", file, label="weapon")
                 for key in keys)


def _collect(fields: Iterable[FieldSpec], flat: Mapping[str, Parsed], path: str,
             file: str | None) -> tuple[dict, dict, list[str]]:
    values, provenance, missing = {}, {}, []
    for spec in fields:
        if spec.kind == "munitions":
            values[spec.attr] = _munitions(flat, path, file)
        elif spec.kind == "loadout":
            values[spec.attr] = _loadout(flat, path, file)
        elif spec.kind == "prob_map":
            entries = _sub(flat, f"{spec.key}.")
            values[spec.attr] = FrozenMap({c: p.value for c, p in entries.items()})
            provenance.update({f"{spec.key}.{c}": p.provenance for c, p in entries.items()})
            if not entries:
                missing.append(spec.key)
        elif spec.key in flat:
            values[spec.attr] = flat[spec.key].value
            provenance[spec.key] = flat[spec.key].provenance
        elif spec.kind == "ref":
            values[spec.attr] = None  # a reference left out is none
        else:
            missing.append(spec.key)
    return values, {k: v for k, v in provenance.items() if v}, missing


def build_record(record: type, fields: tuple[FieldSpec, ...], key: str,
                 flat: Mapping[str, Parsed], path: str, file: str | None, *, label: str,
                 known: Iterable[str] = ()):
    """One ``record`` instance; a new entry missing fields is reported with a did-you-mean."""
    values, provenance, missing = _collect(fields, flat, path, file)
    if missing:
        raise InputError(f"{label} '{key}' lacks field(s): {', '.join(missing)}", file=file,
                         path=path, expected="all fields for a new entry",
                         hint=did_you_mean(key, known))
    return record(key=key, provenance=FrozenMap(provenance), **values)
