"""When the ledger's systems and rounds arrive, month by month, in the three cases.

A simulated row's model count is spread evenly over the months of its delivery window (whole
systems or rounds: month i of M gets floor((i+1) n/M) - floor(i n/M), so the total is exact). Months
before the assessment starts are taken to be in the scenario's laydown already. ``late`` shifts every
arrival after the start by ``delay`` months; ``none`` has no new arrivals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from airshield.pledges.dates import add_months, month_start, months_between
from airshield.pledges.ledger import Ledger

CASES = ("on_time", "late", "none")


@dataclass
class Arrivals:
    """What arrives at the start of one month: systems per fire-unit type, rounds per munition, row ids."""

    systems: dict[str, int] = field(default_factory=dict)
    rounds: dict[str, int] = field(default_factory=dict)
    rows: list[str] = field(default_factory=list)

    def add(self, kind: dict[str, int], key: str, n: int, row: str) -> None:
        if n:
            kind[key] = kind.get(key, 0) + n
            if row not in self.rows:
                self.rows.append(row)


def schedule(ledger: Ledger, start: dt.date, months: int, case: str, delay: int = 3) -> list[Arrivals]:
    """Arrivals for each of ``months`` months from ``start``'s month in ``case`` (see module doc)."""
    if case not in CASES:
        raise ValueError(case)
    first = month_start(start)
    out = [Arrivals() for _ in range(months)]
    if case == "none":
        return out
    for pledge in ledger.pledges:
        if not pledge.simulated:
            continue
        window = months_between(*pledge.delivery)
        for month, share in zip(window, _spread(pledge.model_count, len(window))):
            if month < first:
                continue  # delivered before the start: in the scenario's laydown
            if case == "late":
                month = add_months(month, delay)
            index = (month.year - first.year) * 12 + month.month - first.month
            if not 0 <= index < months or not share:
                continue
            _add(out[index], pledge, share, len(window))
    return out


def _add(arrival: Arrivals, pledge, share: int, window_months: int) -> None:
    if pledge.system:
        arrival.add(arrival.systems, pledge.system, share, pledge.id)
        if pledge.rounds and pledge.munition:
            per_system = pledge.rounds / max(pledge.count or 1, 1)
            arrival.add(arrival.rounds, pledge.munition, int(round(per_system * share)), pledge.id)
    else:
        arrival.add(arrival.rounds, pledge.munition, share, pledge.id)


def _spread(total: int, months: int) -> list[int]:
    """``total`` whole items over ``months`` months, evenly, summing to ``total`` exactly."""
    return [(i + 1) * total // months - i * total // months for i in range(months)]
