"""``june-2025``: a month of the war as reported, as a test of the campaign.

The nights of June 2025 are taken from the records (national sources): every reporting window is
assigned to the night it starts in (start - 12 h, so a 03:00 window joins the evening before), and
each night's launches per group (drones incl. decoys, cruise, ballistic) scale the scenario's waves
of that group (:mod:`.nights`, unbiased random rounding). The nights run in order against one
national pool of interceptors (``planning.stocks.arm``, stock balance per night), and the simulated
neutralised shares per group are set beside the records' (destroyed + EW-lost) / launched.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from airshield.planning.common import interval, load_base, world_of
from airshield.planning.stocks import arm, scenario_rounds
from airshield.pledges.night_sim import NightSimulator
from airshield.pledges.nights import scaled_raid, group_counts
from airshield.pledges.outlook import GROUPS, NAMES

MONTH = (dt.date(2025, 6, 1), dt.date(2025, 7, 1))
STOCK_FACTOR = 3


def june_nights(first: dt.date = MONTH[0], end: dt.date = MONTH[1]) -> pd.DataFrame:
    """Per night of the records: launched, destroyed, EW-lost per group [weapons]."""
    from airshield.history import load_records
    from airshield.history.raids import raid_rows
    rows = raid_rows(load_records())
    rows = rows[(rows.time_start >= pd.Timestamp(first)) & (rows.time_start < pd.Timestamp(end))
                & rows.threat_class.isin(list(GROUPS))].copy()
    rows["night"] = (rows.time_start - pd.Timedelta(hours=12)).dt.date
    rows["group"] = rows.threat_class.map(GROUPS)
    rows[["launched", "destroyed", "not_reach_goal"]] = rows[["launched", "destroyed", "not_reach_goal"]].fillna(0)
    table = rows.groupby(["night", "group"])[["launched", "destroyed", "not_reach_goal"]].sum()
    return table.rename(columns={"not_reach_goal": "ew_lost"}).reset_index()


def run_june_2025(source: str | Path = "ukraine-national", *, replications: int = 3, seed: int = 1,
                  nights: int | None = None) -> dict[str, Any]:
    """Simulate the month night by night; compare neutralised shares per group with the records."""
    base = load_base(source)
    world = world_of(base.document, label=str(base.path))
    catalogue = base.catalogue
    record = june_nights()
    dates = sorted(record.night.unique())[:nights]
    units = list(base.document.get("fire_units", []))
    start_pool = {k: STOCK_FACTOR * n for k, n in scenario_rounds(units, catalogue).items()}
    counts = group_counts(base.document["raid"], catalogue)
    sims, fired = [], []
    for r in range(replications):
        simulate = NightSimulator(seed, f"{base.path} (june-2025)")
        pool, totals, used = dict(start_pool), [], dict.fromkeys(start_pool, 0)
        rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(r, 1_000_000)))
        for d, night in enumerate(dates):
            launched = record[record.night == night].set_index("group").launched
            scales = {g: float(launched.get(g, 0)) / counts[g] for g in NAMES if counts.get(g)}
            raid = scaled_raid(base.document["raid"], catalogue, scales, rng)
            armed, _ = arm(units, pool, catalogue)
            outcome = simulate(dict(base.document, raid=raid, fire_units=armed) if raid else None, (r, d))
            for k, n in outcome.fired.items():
                pool[k] -= n
                used[k] = used.get(k, 0) + n
            totals.append(outcome)
        sims.append(totals)
        fired.append(used)
    return _compare(record[record.night.isin(dates)], sims, fired, base, dates, replications, seed)


def _compare(record: pd.DataFrame, sims, fired, base, dates, replications: int, seed: int) -> dict[str, Any]:
    rec = record.groupby("group")[["launched", "destroyed", "ew_lost"]].sum()
    rec_all = rec.sum()
    shares = np.array([sum(o.destroyed + o.ew_lost for o in s) / max(sum(o.launched for o in s), 1) for s in sims])
    out = {"scenario": str(base.source), "nights": [str(d) for d in dates], "replications": replications, "seed": seed,
           "records": {g: {**{k: int(v) for k, v in rec.loc[g].items()},
                           "neutralised_share": float((rec.loc[g].destroyed + rec.loc[g].ew_lost) / rec.loc[g].launched)}
                       for g in rec.index if rec.loc[g].launched > 0},
           "records_all": float((rec_all.destroyed + rec_all.ew_lost) / rec_all.launched),
           "simulated_all": interval(shares),
           "simulated_launched": interval(np.array([sum(o.launched for o in s) for s in sims], dtype=float)),
           "value_lost": interval(np.array([sum(o.value_lost for o in s) for s in sims])),
           "interceptors_fired": {k: interval(np.array([f.get(k, 0) for f in fired], dtype=float))
                                  for k in sorted({k for f in fired for k in f}) if any(f.get(k) for f in fired)},
           "interceptors_records": "not public in the records (the Air Force reports do not give interceptors used)",
           "groups": {}}
    for g in out["records"]:
        values = [sum(o.groups.get(g, (0, 0))[1] for o in s) / max(sum(o.groups.get(g, (0, 0))[0] for o in s), 1)
                  for s in sims]
        out["groups"][g] = {"records": out["records"][g]["neutralised_share"], "simulated": interval(np.array(values))}
    return out
