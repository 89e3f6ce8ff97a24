"""Running the three cases of one replication month by month (common random numbers), and running
replications on local worker processes."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np

from airshield.catalogue import load_catalogue
from airshield.pledges.month import CaseState, run_month
from airshield.pledges.night_sim import NightSimulator
from airshield.pledges.nights import month_nights
from airshield.pledges.outlook import Outlook

RAID_STREAM = 1_000_000


@dataclass(frozen=True)
class CasePlan:
    """Everything a replication needs (picklable): documents, unit lists and deliveries per case and month."""

    document: dict
    label: str
    outlook: Outlook
    units: dict[str, list[list[dict]]]
    delivered: dict[str, list[dict[str, int]]]
    start_pool: dict[str, int]
    seed: int
    strike_nights: int | None


def run_replication_cases(plan: CasePlan, replication: int) -> dict[str, Any]:
    """Rows (per case and month), stock rows, run-outs and engine counts of one replication."""
    catalogue = load_catalogue(plan.document.get("catalogue") or None, file=plan.label)
    simulate = NightSimulator(plan.seed, plan.label)
    raid = plan.document["raid"]
    rows, stocks, runouts = [], [], []
    for case in plan.units:
        state = CaseState(dict(plan.start_pool))
        for m, month in enumerate(plan.outlook.months):
            rng = np.random.default_rng(np.random.SeedSequence(plan.seed, spawn_key=(replication, m, RAID_STREAM)))
            nights = month_nights(raid, catalogue, month, rng, plan.strike_nights)
            row = run_month(state, base_document=plan.document, units=plan.units[case][m], nights=nights,
                            delivered=plan.delivered[case][m], catalogue=catalogue, simulate=simulate,
                            spawn=(replication, m))
            label = month.to_dict()["month"]
            launched = row["launched"]
            rows.append({"replication": replication, "case": case, "month": label, "value_lost": row["value_lost"],
                         "launched": launched, "destroyed": row["destroyed"], "ew_lost": row["ew_lost"],
                         "neutralised_share": (row["destroyed"] + row["ew_lost"]) / launched if launched else 1.0,
                         "segments": row["segments"]})
            stocks += [{"replication": replication, "case": case, "month": label, "munition": k, **v}
                       for k, v in row["stocks"].items()]
        runouts += [{"replication": replication, "case": case, "munition": k, "day": d} for k, d in state.runout.items()]
    return {"rows": rows, "stocks": stocks, "runouts": runouts, "engine_runs": simulate.runs,
            "shared_runs": simulate.hits}


def run_all(plan: CasePlan, replications: int, workers: int) -> list[dict[str, Any]]:
    """Every replication, in replication order (serial, or on ``workers`` forked processes)."""
    if workers <= 1 or replications <= 1:
        return [run_replication_cases(plan, r) for r in range(replications)]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=min(workers, replications),
                             mp_context=multiprocessing.get_context(method)) as pool:
        return list(pool.map(run_replication_cases, [plan] * replications, range(replications)))
