"""Place text of the records: launch places -> launch area keys, targets -> oblasts (ISO 3166-2).

Text is split on `` and `` and on commas; each fragment is matched case-insensitively. Unmatched
fragments are kept and returned, never dropped silently. In a comma group such as
``Chauda, Crimea`` the trailing region (``Crimea``) only qualifies the place before it: it counts
as a launch area only when nothing else in the group matched (``Balaklava, Crimea`` -> crimea).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

import pandas as pd

from airshield.history._data import data_path

QUALIFIER_AREAS = ("crimea",)
ALIAS_FILE = "oblast_aliases.csv"


@dataclass(frozen=True)
class Matched:
    """Matched keys (launch area keys or ISO codes, in order, unique) and the unmatched fragments."""

    keys: tuple[str, ...]
    unmatched: tuple[str, ...]


def split_groups(text: str | None) -> list[list[str]]:
    """``'A and B, C'`` -> ``[['A'], ['B', 'C']]``: `` and ``-parts, each split on commas."""
    if not isinstance(text, str):
        return []
    parts = re.split(r"\s+(?:and\s+)+", text.strip())
    groups = [[f.strip() for f in part.split(",") if f.strip()] for part in parts]
    return [g for g in groups if g]


@lru_cache(maxsize=1)
def _area_index() -> MappingProxyType:
    from airshield.geo import launch_areas
    index = {}
    for row in launch_areas().itertuples():
        for name in (row.key, row.name, *list(row.aliases or ())):
            index.setdefault(str(name).strip().lower(), row.key)
    return MappingProxyType(index)


@lru_cache(maxsize=1)
def _oblast_index() -> MappingProxyType:
    from airshield.geo import oblasts
    index = {}
    for row in oblasts().itertuples():
        index[row.name.lower()] = row.iso
    aliases = pd.read_csv(data_path(ALIAS_FILE), dtype=str)
    for row in aliases.itertuples():
        index[row.alias.lower()] = row.iso
    return MappingProxyType(index)


def _match(groups: list[list[str]], index, qualifiers=()) -> Matched:
    keys, unmatched = [], []
    for group in groups:
        hits = [(f, index.get(f.lower())) for f in group]
        others = any(k and k not in qualifiers for _, k in hits)
        for fragment, key in hits:
            if key is None:
                unmatched.append(fragment)
            elif not (key in qualifiers and others and len(group) > 1):
                keys.append(key)
    return Matched(tuple(dict.fromkeys(keys)), tuple(unmatched))


def launch_area_keys(text: str | None) -> Matched:
    """Launch area keys (``airshield.geo.launch_areas``) named in a ``launch_place`` text."""
    return _match(split_groups(text), _area_index(), QUALIFIER_AREAS)


def region_codes(text: str | None) -> Matched:
    """ISO 3166-2 oblast codes named in a ``target`` or ``affected region`` text.

    ``affected region`` holds a list literal (``"['Kharkiv oblast', 'Donetsk oblast']"``); it is read as such.
    """
    if isinstance(text, str) and text.strip().startswith("["):
        text = " and ".join(str(x) for x in _literal_list(text))
    return _match(split_groups(text), _oblast_index())


def _literal_list(text: str) -> list:
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return [text.strip("[]")]
    return list(value) if isinstance(value, (list, tuple)) else [value]


def raid_launch_areas(rows: pd.DataFrame) -> Matched:
    """Launch area keys of a raid's rows (e.g. ``Raid.rows``), with unmatched fragments kept."""
    found = [launch_area_keys(text) for text in rows["launch_place"]]
    keys = dict.fromkeys(k for m in found for k in m.keys)
    unmatched = dict.fromkeys(u for m in found for u in m.unmatched)
    return Matched(tuple(keys), tuple(unmatched))


def raid_regions(rows: pd.DataFrame) -> Matched:
    """Oblast ISO codes of a raid's rows, from ``target`` and ``affected region``."""
    found = [region_codes(t) for col in ("target", "affected region") for t in rows[col]]
    keys = dict.fromkeys(k for m in found for k in m.keys)
    unmatched = dict.fromkeys(u for m in found for u in m.unmatched)
    return Matched(tuple(keys), tuple(unmatched))
