"""The fire units of each case month by month: the scenario's units plus the systems delivered so far,
placed by the procurement placement model (greedy on the coverage model, the scenario's units fixed)."""

from __future__ import annotations

from typing import Any

from airshield.planning.mixer import Mixer
from airshield.planning.options import Option
from airshield.planning.stocks import scenario_rounds
from airshield.pledges.deliveries import Arrivals


def case_units(base, world, schedules: dict[str, list[Arrivals]], *, seed: int, samples: int = 2
               ) -> dict[str, list[list[dict[str, Any]]]]:
    """For each case, the unit list of every month (systems arrive at the start of their month)."""
    types = sorted({t for arrivals in schedules.values() for a in arrivals for t in a.systems})
    scenario = list(base.document.get("fire_units", []))
    if not types:
        return {case: [scenario] * len(arrivals) for case, arrivals in schedules.items()}
    options = [Option(f"+1 {t}", "system", t, 1, 1.0, 0.0, 10_000, "pledge ledger") for t in types]
    mixer = Mixer(base, world, options, seed, samples)
    memo: dict[tuple, list] = {}
    out: dict[str, list[list[dict[str, Any]]]] = {}
    for case, arrivals in schedules.items():
        total = dict.fromkeys(types, 0)
        out[case] = []
        for a in arrivals:
            for t, n in a.systems.items():
                total[t] += n
            key = tuple(total[t] for t in types)
            if key not in memo:
                memo[key] = mixer.document({i: total[t] for i, t in enumerate(types) if total[t]})["fire_units"]
            out[case].append(memo[key])
    return out


def system_loads(arrivals: Arrivals, catalogue) -> dict[str, int]:
    """Rounds that come with the month's new systems: one usual load each (ASSUMPTION) [rounds]."""
    units = [{"type": t} for t, n in arrivals.systems.items() for _ in range(n)]
    return scenario_rounds(units, catalogue)
