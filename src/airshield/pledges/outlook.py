"""Threat outlook: launches per month by group (drones, cruise, ballistic) from the records, and a
projection for the months ahead (trend, flat, or a user-given scenario such as ``drones:800/week``).

Groups: ``drones`` = drone, decoy and jet-drone classes (the records count decoys with the drones);
``cruise`` = cruise and supersonic cruise; ``ballistic`` = ballistic and aeroballistic. Strike nights
[nights/month] are the nights with missile launches in the records' last three months (mean).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from airshield.errors import InputError
from airshield.pledges.dates import add_months, days_in_month, label

GROUPS = {"drone": "drones", "decoy": "drones", "jet_drone": "drones", "cruise": "cruise",
          "supersonic_cruise": "cruise", "ballistic": "ballistic", "aeroballistic": "ballistic"}
NAMES = ("drones", "cruise", "ballistic")
METHODS = ("trend", "flat")
TREND_MONTHS = 12
BASE_MONTHS = 3
GROWTH_LIMIT = 0.05  # ASSUMPTION: fitted trend clipped to +-5 %/month so 12 months of noise cannot explode
_RATE = re.compile(r"^\s*(drones|cruise|ballistic)\s*:\s*([0-9]+(?:\.[0-9]*)?)\s*/\s*(night|day|week|month)\s*$")
_PER_MONTH = {"night": 30.0, "day": 30.0, "week": 30.0 / 7.0, "month": 1.0}


@dataclass(frozen=True)
class ThreatMonth:
    """One month of the attacker's side: launches per group [weapons/month] and nights with missiles."""

    month: dt.date
    launches: dict[str, float]
    strike_nights: int
    basis: str

    def to_dict(self) -> dict[str, Any]:
        return {"month": label(self.month), **{k: round(v, 1) for k, v in self.launches.items()},
                "strike_nights": self.strike_nights, "basis": self.basis}


@dataclass(frozen=True)
class Outlook:
    """The months ahead, the method, and the sourced figures behind it."""

    months: tuple[ThreatMonth, ...]
    method: str
    growth: dict[str, float]
    cap: dict[str, float | None]
    figures: dict[str, list] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"method": self.method, "growth_per_month": self.growth, "cap_per_month": self.cap,
                "months": [m.to_dict() for m in self.months], "figures": self.figures}


def shipped_figures() -> dict[str, list]:
    """Production estimates, reported monthly launches and decoy shares (each row with its source)."""
    path = Path(str(resources.files("airshield.pledges") / "data" / "outlook.yaml"))
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def record_months() -> dict[dt.date, dict[str, float]]:
    """Launches per month and group in the shipped records (national sources) [weapons/month], and
    the nights with missile launches under the key ``strike_nights``."""
    from airshield.history import load_records, summarise
    from airshield.history.raids import raid_rows
    records = load_records()
    table = summarise(records, by="month")
    out: dict[dt.date, dict[str, float]] = {}
    for row in table.itertuples():
        group = GROUPS.get(row.threat_class)
        if group is None:
            continue
        month = dt.date(int(row.period[:4]), int(row.period[5:7]), 1)
        entry = out.setdefault(month, {**dict.fromkeys(NAMES, 0.0), "strike_nights": 0.0})
        entry[group] += float(row.launched)
    rows = raid_rows(records)
    missiles = rows[rows.threat_class.isin([k for k, g in GROUPS.items() if g != "drones"]) & (rows.launched > 0)]
    for period, n in missiles.groupby(missiles.time_start.dt.to_period("M"))["raid_id"].nunique().items():
        month = dt.date(period.year, period.month, 1)
        out.setdefault(month, {**dict.fromkeys(NAMES, 0.0), "strike_nights": 0.0})["strike_nights"] = float(n)
    return out


def build_outlook(start: dt.date, months: int, *, method: str = "trend", scenario: str | None = None) -> Outlook:
    """Launches for ``months`` months from ``start``'s month (see the module doc)."""
    rates = parse_threat(scenario) if scenario else None
    if rates is None and method not in METHODS:
        raise InputError(f"unknown outlook method '{method}'", path="--outlook", expected="trend, flat or a scenario")
    figures = shipped_figures()
    history = record_months()
    recent = [history[m] for m in sorted(history)[-BASE_MONTHS:]]
    base = {k: float(np.mean([r[k] for r in recent])) for k in NAMES}
    strikes = int(round(np.mean([r["strike_nights"] for r in recent])))
    cap = {"drones": _drone_cap(figures), "cruise": None, "ballistic": None}
    if rates is not None:
        growth = dict.fromkeys(NAMES, 0.0)
        base = {k: rates.get(k, base[k]) for k in NAMES}
        basis = f"scenario '{scenario}'"
    elif method == "flat":
        growth, basis = dict.fromkeys(NAMES, 0.0), f"mean of the records' last {BASE_MONTHS} months"
    else:
        growth, basis = _trend(history), f"records' last {BASE_MONTHS} months x fitted monthly growth"
    first = dt.date(start.year, start.month, 1)
    last_record = max(history)
    rows = []
    for m in range(months):
        month = add_months(first, m)
        ahead = (month.year - last_record.year) * 12 + month.month - last_record.month
        launches = {k: base[k] * (1.0 + growth[k]) ** max(ahead, 0) for k in NAMES}
        launches = {k: min(v, cap[k]) if cap[k] else v for k, v in launches.items()}
        days = days_in_month(month)
        rows.append(ThreatMonth(month, launches, min(strikes, days), basis))
    return Outlook(tuple(rows), scenario or method, growth, cap, figures)


def parse_threat(text: str) -> dict[str, float]:
    """``'drones:800/week,ballistic:40/month'`` -> launches per month per group [weapons/month]."""
    out: dict[str, float] = {}
    for part in (p for p in text.split(",") if p.strip()):
        match = _RATE.match(part)
        if not match:
            raise InputError(f"'{part}' is not group:N/period", path="--threat",
                             expected="e.g. drones:800/week (groups: drones, cruise, ballistic; "
                                      "periods: night, day, week, month)")
        group, number, period = match.groups()
        out[group] = out.get(group, 0.0) + float(number) * _PER_MONTH[period]
    return out


def _trend(history: dict[dt.date, dict[str, float]]) -> dict[str, float]:
    """Monthly growth per group: least-squares slope of log(launches) over the last 12 months, clipped."""
    months = sorted(history)[-TREND_MONTHS:]
    out = {}
    for k in NAMES:
        y = np.array([history[m][k] for m in months], dtype=float)
        keep = y > 0
        if keep.sum() < 3:
            out[k] = 0.0
            continue
        slope = np.polyfit(np.arange(len(y))[keep], np.log(y[keep]), 1)[0]
        out[k] = float(np.clip(np.expm1(slope), -GROWTH_LIMIT, GROWTH_LIMIT))
    return out


def _drone_cap(figures: dict[str, list]) -> float | None:
    """The largest sourced production capacity for all long-range drones incl. decoys [drones/month]."""
    rows = [r for r in figures.get("production", []) if r.get("per_month") and "decoys" in str(r.get("item"))]
    return float(max(r["per_month"] for r in rows)) if rows else None
