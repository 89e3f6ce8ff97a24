"""The buy list of an assessment: the best additions within a budget for the months ahead.

The objective is the campaign's value lost over the horizon, estimated from representative nights of
``BUY_MONTHS`` months spread over it (the month's average night, see :mod:`.nights`), each weighted by
the nights it stands for, against the on-time defence at the end of the horizon. An option helps a
night only once its lead time has passed; domestic options are limited by their monthly capacity
over the horizon. Stocks are not depleted within this objective (bought rounds go to magazines).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from airshield.catalogue import load_catalogue
from airshield.planning.common import Base, with_fire_units
from airshield.planning.procurement import plan_procurement
from airshield.pledges.dates import days_in_month
from airshield.pledges.nights import month_nights
from airshield.pledges.outlook import Outlook

BUY_MONTHS = 2
BUY_STREAM = 2_000_000


def buy_for_horizon(base: Base, outlook: Outlook, units: list[dict], *, budget: float, options: Any, seed: int,
                    replications: int, verify_replications: int, workers: int) -> dict[str, Any]:
    """Run the procurement optimiser on the horizon's representative nights (see module doc)."""
    from airshield.runs import open_backend
    document = with_fire_units(base.document, units)
    pledged = Base(base.source, base.path, document, base.catalogue)
    catalogue = load_catalogue(document.get("catalogue") or None, file=str(base.path))
    months = list(outlook.months)
    days = [days_in_month(m.month) for m in months]
    horizon = float(sum(days))
    picks = sorted({int(round(k)) for k in np.linspace(0, len(months) - 1, min(BUY_MONTHS, len(months)))})
    raids, weights, offsets = [], [], []
    rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(BUY_STREAM,)))
    for k in picks:
        (night,) = month_nights(document["raid"], catalogue, months[k], rng)
        if night.raid is None:
            continue
        raids.append(night.raid)
        weights.append(horizon / len(picks))
        offsets.append(float(sum(days[:k]) + days[k] / 2))
    if not raids:
        return {"note": "no raids in the outlook: nothing to buy against"}
    with open_backend("local", workers) as backend:
        result = plan_procurement(base.source, base=pledged, budget=budget, options=options, seed=seed,
                                  replications=replications, verify_replications=verify_replications,
                                  frontier_points=3, horizon_days=horizon, backend=backend, raids=raids,
                                  raid_weights=weights, raid_days=offsets)
    out = result.to_dict()
    out["objective"] = (f"value lost over the {int(horizon)}-day horizon, from the average nights of months "
                        f"{', '.join(months[k].to_dict()['month'] for k in picks)} (each weighted by "
                        f"{horizon / len(picks):.1f} nights), on-time pledged defence at the horizon's end; "
                        "options count once their lead time has passed")
    return out
