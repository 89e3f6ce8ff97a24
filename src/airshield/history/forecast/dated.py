"""The defence and the attacker of a date: the base laydown thinned by the epochs in force.

A share ``s`` of a fire-unit (or EW) type keeps the first ``round(s * n)`` of the laydown's ``n``
units of that type in document order (assumption: deliveries defend the first-listed city, Kyiv,
first). The attacker's epoch items become replay parameters (decoy share) and catalogue overrides
(cruise altitude of Shahed-type drones and the decoys that fly with them).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from airshield.history.params import ReplayParams
from airshield.history.replay import Laydown

SHAHED_TYPES = ("shahed-136", "shahed-131", "gerbera")


@dataclass(frozen=True)
class DatedDefence:
    """The laydown of one epoch and the replay parameters that go with it."""

    laydown: Laydown
    params: ReplayParams


def dated_defence(base: Laydown, state: dict[str, float], params: ReplayParams | None = None) -> DatedDefence:
    """The base laydown and ``params`` changed by the epoch ``state`` (item -> value, see epochs)."""
    document = dict(base.document)
    document["fire_units"] = _thin(document.get("fire_units") or [], state, "units:")
    document["ew_zones"] = _thin(document.get("ew_zones") or [], state, "ew:")
    if "drone_altitude_m" in state:
        catalogue = dict(document.get("catalogue") or {})
        threats = dict(catalogue.get("threats") or {})
        for key in SHAHED_TYPES:
            threats[key] = {**threats.get(key, {}), "cruise_altitude_m": float(state["drone_altitude_m"])}
        catalogue["threats"] = threats
        document["catalogue"] = catalogue
    params = params or ReplayParams()
    if "decoy_share" in state:
        params = replace(params, decoy_share=float(state["decoy_share"]))
    return DatedDefence(Laydown(document, base.world, base.asset_oblast), params)


def _thin(units: list[dict], state: dict[str, float], prefix: str) -> list[dict]:
    """Keep, per type, the first round(share * count) units (all when the type has no epoch row)."""
    counts: dict[str, int] = {}
    for unit in units:
        counts[unit["type"]] = counts.get(unit["type"], 0) + 1
    keep = {t: round(state.get(prefix + t, 1.0) * n) for t, n in counts.items()}
    kept, seen = [], dict.fromkeys(counts, 0)
    for unit in units:
        seen[unit["type"]] += 1
        if seen[unit["type"]] <= keep[unit["type"]]:
            kept.append(unit)
    return kept


def unit_counts(defence: DatedDefence) -> dict[str, int]:
    """Fire units and EW zones in service per type [-] (for reports)."""
    counts: dict[str, int] = {}
    for unit in (defence.laydown.document.get("fire_units") or []) + (defence.laydown.document.get("ew_zones") or []):
        counts[unit["type"]] = counts.get(unit["type"], 0) + 1
    return counts
