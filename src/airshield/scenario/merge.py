"""Deep merge of scenario documents for ``extends``.

Mappings merge key by key; any other value (lists included) is replaced. A key ending in ``+``
(e.g. ``fire_units+``) appends its list to the inherited list instead of replacing it, so a
what-if file can add two batteries without copying the laydown.
"""

from __future__ import annotations

from typing import Any

from airshield.errors import InputError


def merge_documents(base: dict[str, Any], override: dict[str, Any], *, file: str, path: str = "") -> dict[str, Any]:
    """A new mapping: ``base`` with ``override`` laid over it (see module doc)."""
    merged = dict(base)
    for key, value in override.items():
        here = f"{path}.{key}" if path else str(key)
        if isinstance(key, str) and key.endswith("+"):
            _append(merged, key[:-1], value, file=file, path=here)
        elif isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge_documents(merged[key], value, file=file, path=here)
        else:
            merged[key] = value
    return merged


def _append(merged: dict[str, Any], key: str, value: Any, *, file: str, path: str) -> None:
    if not isinstance(value, list):
        raise InputError(f"'{key}+' appends a list but got a {type(value).__name__}", file=file, path=path,
                         expected="a list of entries")
    inherited = merged.get(key, [])
    if not isinstance(inherited, list):
        raise InputError(f"cannot append to '{key}', which is not a list", file=file, path=path)
    merged[key] = inherited + value
