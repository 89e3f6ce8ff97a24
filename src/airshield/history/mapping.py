"""Mapping of the records' ``model`` strings to catalogue threat types (table: data/model_map.csv).

Each model string maps to one catalogue threat key (kind ``type``), a named group of keys joined
by ``+`` for combined rows (kind ``group``, e.g. ``kh-101+kh-555+kalibr``; counts are never split),
or ``not_modelled`` with a reason. ``threat_class`` is the class of the key(s), ``mixed`` for a group
spanning classes, ``not_modelled`` or ``unknown`` (a model string missing from the table).
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from airshield.history._data import data_path

MAP_FILE = "model_map.csv"
KINDS = ("type", "group", "not_modelled")
MAPPED_COLUMNS = ("threat", "threat_kind", "threat_class", "reason")


@lru_cache(maxsize=1)
def _table() -> pd.DataFrame:
    table = pd.read_csv(data_path(MAP_FILE), dtype=str, keep_default_na=False).set_index("model")
    if not table.index.is_unique:
        raise ValueError(f"{MAP_FILE}: duplicated model strings")
    return table


def model_map() -> pd.DataFrame:
    """The model map: index ``model``; columns kind, threat, threat_class, reason (a copy)."""
    return _table().copy()


def group_keys(threat: str) -> tuple[str, ...]:
    """The catalogue keys of a mapped threat: ``'kh-101+kh-555'`` -> ``('kh-101', 'kh-555')``."""
    return tuple(key for key in threat.split("+") if key)


def map_models(models: pd.Series) -> pd.DataFrame:
    """Columns threat, threat_kind, threat_class, reason for each model string (same index)."""
    table = _table()
    known = models.isin(table.index)
    looked = table.reindex(models.where(known))
    out = pd.DataFrame({
        "threat": looked["threat"].to_numpy(),
        "threat_kind": looked["kind"].to_numpy(),
        "threat_class": looked["threat_class"].to_numpy(),
        "reason": looked["reason"].to_numpy(),
    }, index=models.index)
    out.loc[out["threat_kind"] == "not_modelled", "threat_class"] = "not_modelled"
    out.loc[~known, ["threat", "threat_kind", "threat_class"]] = ["", "unknown", "unknown"]
    out.loc[~known, "reason"] = "model string not in the model map"
    return out


def unknown_models(models: pd.Series) -> list[str]:
    """The distinct model strings not in the model map, sorted."""
    return sorted(set(models.dropna()) - set(_table().index))
