"""The representative nights of a month, built from the scenario's raid and the month's outlook.

Default (``strike_nights=None``): one *average night* standing for every night of the month, with the
month's launches of each group divided by the days of the month. With ``strike_nights=S``: a drone
night standing for the other nights and a strike night (drones plus the month's missiles / S)
standing for S nights. Each scenario wave of a group is scaled by (the group's weapons that night /
the scenario's count of that group); fractional counts are rounded up or down at random with the
probability of their fraction (unbiased), with a generator seeded per night so every case of a
replication sees the same raid (common random numbers).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from airshield.pledges.dates import days_in_month
from airshield.pledges.outlook import GROUPS, ThreatMonth


@dataclass(frozen=True)
class Night:
    """A raid section and the number of nights of the month it stands for [nights]."""

    raid: dict[str, Any] | None
    weight: int
    kind: str


def group_of(wave: dict[str, Any], catalogue) -> str:
    return GROUPS.get(catalogue.get_threat(wave["threat"]).threat_class, "ballistic")


def group_counts(raid: dict[str, Any], catalogue) -> dict[str, int]:
    """Weapons per group in a raid section [weapons]."""
    out: dict[str, int] = {}
    for wave in raid["waves"]:
        out[group_of(wave, catalogue)] = out.get(group_of(wave, catalogue), 0) + int(wave["count"])
    return out


def month_nights(raid: dict[str, Any], catalogue, month: ThreatMonth, rng: np.random.Generator,
                 strike_nights: int | None = None) -> list[Night]:
    """The month's representative nights (see module doc); weights sum to the days of the month."""
    days = days_in_month(month.month)
    base = group_counts(raid, catalogue)
    drones = _scale(month.launches.get("drones", 0.0) / days, base.get("drones", 0))
    if strike_nights is None:
        scales = {g: _scale(month.launches.get(g, 0.0) / days, base.get(g, 0)) for g in ("cruise", "ballistic")}
        return [Night(scaled_raid(raid, catalogue, {"drones": drones, **scales}, rng), days, "average")]
    strikes = min(int(strike_nights), days)
    scales = {g: _scale(month.launches.get(g, 0.0) / strikes, base.get(g, 0)) if strikes else 0.0
              for g in ("cruise", "ballistic")}
    nights = [Night(scaled_raid(raid, catalogue, {"drones": drones}, rng), days - strikes, "drones")]
    if strikes:
        nights.append(Night(scaled_raid(raid, catalogue, {"drones": drones, **scales}, rng), strikes, "strike"))
    return [n for n in nights if n.weight > 0]


def _scale(per_night: float, scenario_count: int) -> float:
    return per_night / scenario_count if scenario_count else 0.0


def scaled_raid(raid: dict[str, Any], catalogue, scales: dict[str, float], rng: np.random.Generator):
    """The raid with each wave scaled by its group's factor (random unbiased rounding); None if empty."""
    waves = []
    for wave in raid["waves"]:
        exact = wave["count"] * scales.get(group_of(wave, catalogue), 0.0)
        count = int(np.floor(exact)) + int(rng.random() < exact - np.floor(exact))
        if count > 0:
            waves.append(dict(wave, count=count))
    return dict(raid, waves=waves) if waves else None
