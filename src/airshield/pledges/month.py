"""One month of one case and one replication: arrivals, representative nights, stocks and run-outs.

The month is walked in segments. Each segment arms the units from the national pool
(``planning.stocks.arm``), simulates the month's representative nights once, and takes the nightly
rate of each munition, r_k = sum_j w_j f_jk / days (w_j nights of kind j, f_jk rounds fired). If the
pool lasts the rest of the month, the segment covers it; otherwise it ends at the night the first
munition runs out (ceil(pool_k / r_k) nights, at least one), that munition's pool is emptied and the
next segment is simulated with it gone, so the nights after a run-out are flown without those rounds.
Per munition and month:  end = start + delivered - fired  (exact, whole rounds).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from airshield.planning.stocks import arm
from airshield.pledges.night_sim import NightSimulator


@dataclass
class CaseState:
    """A case's national pool [rounds per munition] and the day count since the start [days]."""

    pool: dict[str, int]
    day: int = 0
    runout: dict[str, int] = field(default_factory=dict)


def run_month(state: CaseState, *, base_document: dict, units: list[dict], nights: list, delivered: dict[str, int],
              catalogue, simulate: NightSimulator, spawn: tuple[int, int]) -> dict[str, Any]:
    """Advance ``state`` by one month; returns the month's row (losses, shares, stocks, run-outs)."""
    start = dict(state.pool)
    for k, n in delivered.items():
        state.pool[k] = state.pool.get(k, 0) + n
    days = sum(n.weight for n in nights)
    fired = dict.fromkeys(state.pool, 0)
    totals = {"value_lost": 0.0, "launched": 0.0, "destroyed": 0.0, "ew_lost": 0.0}
    remaining, segments = days, 0
    while remaining > 0:
        armed, _ = arm(units, state.pool, catalogue)
        outcomes = [simulate(_document(base_document, n.raid, armed), (*spawn, j)) for j, n in enumerate(nights)]
        rate = {k: sum(n.weight * o.fired.get(k, 0) for n, o in zip(nights, outcomes)) / days for k in state.pool}
        take = _segment(state.pool, rate, remaining, last=segments >= len(state.pool) + 1)
        for k, r in rate.items():
            before = state.pool[k]
            used = min(before, int(round(r * take)))
            if before and used == before and k not in state.runout:
                state.runout[k] = state.day + (days - remaining) + max(1, math.ceil(before / r))
            state.pool[k] = before - used
            fired[k] += used
        for key in totals:
            totals[key] += take / days * sum(n.weight * getattr(o, key) for n, o in zip(nights, outcomes))
        remaining -= take
        segments += 1
    state.day += days
    stocks = {k: {"start": start.get(k, 0), "delivered": delivered.get(k, 0), "fired": fired[k], "end": state.pool[k]}
              for k in state.pool}
    return {**totals, "stocks": stocks, "segments": segments, "days": days}


def _segment(pool: dict[str, int], rate: dict[str, float], remaining: int, *, last: bool) -> int:
    """Nights until the first munition with rounds left runs out (at least 1), or ``remaining``."""
    if last:
        return remaining
    ends = [math.ceil(pool[k] / r) for k, r in rate.items() if r > 0 and pool[k] > 0]
    first = min(ends, default=remaining)
    return max(1, min(first, remaining))


def _document(base: dict, raid: dict | None, units: list[dict]) -> dict | None:
    if raid is None:
        return None  # no raid that night
    return dict(base, raid=raid, fire_units=units)
