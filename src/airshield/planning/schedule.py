"""Campaign inputs: the nightly raid schedule, stocks, and delivery rates."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from airshield.errors import InputError
from airshield.vocabulary import DRONE_LIKE

DRONE_CLASSES = DRONE_LIKE
PERIODS = {"day": 1.0, "week": 7.0, "month": 30.0}
RATE = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*:\s*\+?\s*([0-9]+(?:\.[0-9]*)?(?:e[0-9]+)?)\s*/\s*(day|week|month)\s*$")
RECENT_DAYS = 180


@dataclass(frozen=True)
class Night:
    """One night of the campaign: drone waves scaled by ``drones``, missile waves by ``missiles`` [-]."""

    day: int
    drones: float
    missiles: float


def parse_rates(items: list[str], munitions: list[str], *, option: str) -> dict[str, float]:
    """``['pac-3-mse:+20/month']`` -> {'pac-3-mse': 20/30} rounds per day."""
    from airshield.errors import did_you_mean
    rates: dict[str, float] = {}
    for item in items:
        for part in (p for p in item.split(",") if p.strip()):
            match = RATE.match(part)
            if not match:
                raise InputError(f"'{part}' is not munition:+N/period", path=option,
                                 expected="e.g. pac-3-mse:+20/month (period: day, week or month)")
            name, number, period = match.groups()
            if name not in munitions:
                raise InputError(f"unknown munition '{name}'", path=option,
                                 expected="a munition the scenario's fire units carry: " + ", ".join(sorted(munitions)),
                                 hint=did_you_mean(name, munitions))
            rates[name] = rates.get(name, 0.0) + float(number) / PERIODS[period]
    return rates


def delivered(rate_per_day: float, day: int) -> int:
    """Whole rounds arriving on ``day`` (0-based) at ``rate_per_day``, so that the sum over days 0..d-1
    is floor(rate * d) exactly [rounds]."""
    return int(np.floor(rate_per_day * (day + 1) + 1e-9) - np.floor(rate_per_day * day + 1e-9))


def recent_drone_ratios() -> np.ndarray:
    """Sizes of the recent drone raids in the records (last 180 days), divided by their median [-]."""
    from airshield.history import load_records, raids
    every = raids(load_records())
    last = max(r.start for r in every)
    sizes = np.array([r.total("launched", DRONE_CLASSES) for r in every
                      if (last - r.start).days <= RECENT_DAYS], dtype=float)
    sizes = sizes[sizes > 0]
    if len(sizes) == 0:
        return np.ones(1)
    return sizes / np.median(sizes)


def default_nights(days: int, rng: np.random.Generator, ratios: np.ndarray, missile_every: int,
                   growth_per_month: float) -> list[Night]:
    """Nightly drone raids of the scenario's drone waves scaled by a ratio drawn from the records'
    recent raids (and by attacker growth), with the scenario's missile waves every ``missile_every`` days."""
    draws = rng.choice(ratios, size=days, replace=True)
    nights = []
    for day in range(days):
        growth = (1.0 + growth_per_month) ** (day / 30.0)
        missiles = 1.0 if missile_every and (day + 1) % missile_every == 0 else 0.0
        nights.append(Night(day, float(draws[day] * growth), missiles))
    return nights


def file_nights(path: str | Path, days: int) -> list[Night]:
    """Nights from a YAML list of {day (1-based), drones: scale, missiles: scale}; other days have no raid."""
    from airshield.scenario.yaml_io import read_text
    import yaml
    data = yaml.safe_load(read_text(Path(path)))
    if isinstance(data, dict):
        data = data.get("nights")
    if not isinstance(data, list):
        raise InputError("expected a list of nights", file=str(path), expected="[{day: 1, drones: 1.0, missiles: 0}]")
    nights = {}
    for i, row in enumerate(data):
        try:
            day = int(row["day"]) - 1
            drones, missiles = float(row.get("drones", 1.0)), float(row.get("missiles", 0.0))
        except (KeyError, TypeError, ValueError):
            raise InputError("each night needs day and numeric drones/missiles scales", file=str(path),
                             path=f"[{i}]") from None
        if not 0 <= day < days or drones < 0 or missiles < 0:
            raise InputError(f"day {day + 1} or a negative scale", file=str(path), path=f"[{i}]",
                             expected=f"day in 1..{days}, scales >= 0")
        nights[day] = Night(day, drones, missiles)
    return [nights.get(d, Night(d, 0.0, 0.0)) for d in range(days)]
