"""The measures of a run, declared once (the catalogue of what a run reports).

Each measure has a name, the summary section it belongs to, the flat column it is stored in
(``{key}`` stands for the threat type, munition, fire unit or asset; ``None`` when it is derived
from other columns), a unit, a kind and a description. This table drives the flat Parquet
columns (:func:`airshield.analysis.to_row` / :func:`~airshield.analysis.from_row`), the JSON
summary and its ``units``, the tidy frames of the API, the CLI tables (units in headers) and the
generated reference ``docs/results.md``.

Every measure is a quantity bounded below by 0 (counts, rounds, money, value points) or a share
in [0, 1]; intervals never leave that range (see :mod:`airshield.analysis.stats`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

KINDS = ("count", "rounds", "USD", "value points", "share")
SECTIONS = ("totals", "by_threat", "interceptors", "unit_use", "value_lost_by_asset", "cost", "value_lost", "shares")
COUNTS = ("launched", "destroyed", "ew_lost", "failed", "leaked", "in_flight")
"""Threat outcomes: launched = destroyed + ew_lost + failed + leaked + in_flight."""

_COUNT_TEXT = {
    "launched": "threats launched before the run's horizon",
    "destroyed": "threats killed by an interceptor",
    "ew_lost": "threats lost to electronic warfare (drones 'locationally lost')",
    "failed": "threats that failed on their own or fell short at the end of their range",
    "leaked": "threats that reached their aim point (impacts, decoys included)",
    "in_flight": "threats still flying at the run's horizon",
}


@dataclass(frozen=True)
class Measure:
    """One measure: ``name`` in its ``section``; ``column`` the flat column name (``{key}`` for the
    section's key, None when derived); ``unit`` shown in headers; ``kind`` one of :data:`KINDS`;
    ``key`` what the section is keyed by (threat type, munition, fire unit, asset) or None;
    ``integer`` whole numbers per replication; ``upper`` the largest possible value (lower is 0)."""

    name: str
    section: str
    column: str | None
    unit: str
    kind: str
    description: str
    key: str | None = None
    integer: bool = False
    upper: float = math.inf

    @property
    def label(self) -> str:
        """``name [unit]``: the header of a table column."""
        return f"{self.name} [{self.unit}]"

    def column_of(self, key: str | None = None) -> str:
        """The flat column name (for a keyed measure, of ``key``)."""
        if self.column is None:
            raise ValueError(f"measure {self.section}/{self.name} is derived: it has no column")
        return self.column.format(key=key) if self.key else self.column

    def key_of(self, column: str) -> str | None:
        """The key a flat column holds for this measure, or None if it is not one of its columns."""
        if self.column is None:
            return None
        if not self.key:
            return "" if column == self.column else None
        prefix, suffix = self.column.split("{key}")
        if column.startswith(prefix) and column.endswith(suffix) and len(column) > len(prefix) + len(suffix):
            return column[len(prefix):len(column) - len(suffix)]
        return None


def _counts(section: str, key: str | None, column: str | None, scope: str) -> tuple[Measure, ...]:
    return tuple(Measure(name, section, column.format(name=name, key="{key}") if column else None, "threats", "count",
                         f"{_COUNT_TEXT[name]}{scope}", key=key, integer=True) for name in COUNTS)


MEASURES: tuple[Measure, ...] = (
    *_counts("totals", None, None, ", all threat types (sum of by_threat)"),
    Measure("impacts", "totals", "impacts", "threats", "count",
            "leakers carrying a warhead (decoys and warhead-less types excluded)", integer=True),
    Measure("interceptors_expended", "totals", None, "rounds", "rounds",
            "interceptors fired, all munitions (sum of interceptors.expended)", integer=True),
    *_counts("by_threat", "threat type", "by_threat/{key}/{name}", ", per threat type"),
    Measure("expended", "interceptors", "interceptors/{key}/expended", "rounds", "rounds",
            "interceptors fired, per munition", key="munition", integer=True),
    Measure("cost_usd", "interceptors", "interceptors/{key}/cost_usd", "USD", "USD",
            "cost of the interceptors fired, per munition", key="munition"),
    Measure("engagements", "unit_use", "unit_use/{key}/engagements", "engagements", "count",
            "engagements (salvos) a fire unit fired", key="fire unit", integer=True),
    Measure("rounds", "unit_use", "unit_use/{key}/rounds", "rounds", "rounds",
            "rounds a fire unit fired", key="fire unit", integer=True),
    Measure("value_lost", "value_lost_by_asset", "value_lost_by_asset/{key}", "value points", "value points",
            "value lost at one asset", key="asset"),
    Measure("defender_usd", "cost", "defender_usd", "USD", "USD", "the defender's interceptor spend"),
    Measure("attacker_usd", "cost", "attacker_usd", "USD", "USD", "the cost of the attacker's weapons launched"),
    Measure("value_lost", "value_lost", "value_lost", "value points", "value points",
            "value lost over all assets: the headline outcome (asset value x share destroyed)"),
    Measure("any_impact", "shares", None, "share of replications", "share",
            "share of replications in which at least one warhead-carrying threat hit", upper=1.0),
)


def measures(section: str) -> tuple[Measure, ...]:
    """The measures of one section, in table order."""
    found = tuple(m for m in MEASURES if m.section == section)
    if not found:
        raise KeyError(f"no section '{section}' (one of: {', '.join(SECTIONS)})")
    return found


def measure(section: str, name: str) -> Measure:
    """One measure by section and name."""
    for m in measures(section):
        if m.name == name:
            return m
    raise KeyError(f"no measure '{name}' in section '{section}'")


def stored() -> tuple[Measure, ...]:
    """The measures with a flat column (what a replication's row holds)."""
    return tuple(m for m in MEASURES if m.column is not None)


def column_measure(column: str) -> tuple[Measure, str | None] | None:
    """The measure a flat column belongs to and its key (None for unkeyed), or None."""
    for m in stored():
        key = m.key_of(column)
        if key is not None:
            return m, (key or None)
    return None


def units() -> dict[str, dict[str, str] | str]:
    """Units by section and name, as the JSON summary gives them."""
    out: dict[str, dict[str, str] | str] = {}
    for m in MEASURES:
        if m.section == m.name:
            out[m.section] = m.unit
        else:
            out.setdefault(m.section, {})[m.name] = m.unit  # type: ignore[union-attr]
    return out


HEADLINE = tuple(m for m in MEASURES if m.section in ("totals", "cost", "value_lost"))
"""Per-replication headline measures: totals, costs and value lost (one number each)."""


def headline_measure(name: str) -> Measure:
    """A headline measure by name (``value_lost``, ``leaked``, ``defender_usd``, ...)."""
    for m in HEADLINE:
        if m.name == name:
            return m
    raise KeyError(f"no headline measure '{name}' (one of: {', '.join(m.name for m in HEADLINE)})")
