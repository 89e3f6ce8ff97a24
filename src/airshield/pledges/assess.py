"""``assess_pledges``: what the ledger's pledges buy, month by month, in three cases (on time, late by
``delay`` months, no new pledges), with common random numbers, intervals, the shortfall against a
protection target and the best additions within a budget. See docs/pledges.md.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from airshield.errors import InputError
from airshield.planning.campaign import DEFAULT_STOCK_FACTOR
from airshield.planning.common import load_base, parse_counts, world_of
from airshield.planning.schedule import delivered as delivered_on_day, parse_rates
from airshield.planning.stocks import carried, scenario_rounds
from airshield.pledges.dates import add_months, days_in_month, label
from airshield.pledges.deliveries import CASES, schedule
from airshield.pledges.laydowns import case_units, system_loads
from airshield.pledges.ledger import load_ledger
from airshield.pledges.outlook import build_outlook, record_months
from airshield.pledges.runner import CasePlan, run_all
from airshield.pledges.summary import month_rows, records_target, runout_days, shortfall


@dataclass
class PledgeAssessment:
    """The assessment's results (``to_dict`` gives the JSON: months, shortfall, buy, ...)."""

    months: list[dict[str, Any]]
    runout: dict[str, Any]
    shortfall: dict[str, Any]
    buy: dict[str, Any] | None
    outlook: dict[str, Any]
    deliveries: dict[str, list[dict[str, Any]]]
    settings: dict[str, Any]
    timing: dict[str, float]
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"months": self.months, "runout": self.runout, "shortfall": self.shortfall, "buy": self.buy,
                "outlook": self.outlook, "deliveries": self.deliveries, "settings": self.settings,
                "timing": self.timing, "files": self.files}


def assess_pledges(source: str | Path, *, months: int = 12, start: str | None = None, ledger: str | Path | None = None,
                   delay: int = 3, replications: int = 10, seed: int = 1, outlook: str = "trend",
                   threat: str | None = None, strike_nights: int | None = None, stocks: str | None = None,
                   supply: list[str] | None = None, target: float | None = None, budget: float | None = 18e9,
                   buy_options: Any = None, buy_replications: int = 4, verify_replications: int = 20,
                   workers: int = 1, out: str | Path | None = None) -> PledgeAssessment:
    """Run the assessment (see module doc and docs/pledges.md)."""
    clock = time.perf_counter()
    _check(months, delay, replications, target)
    base = load_base(source)
    world = world_of(base.document, label=str(base.path))
    catalogue = base.catalogue
    first = _start(start)
    book = load_ledger(ledger, catalogue)
    view = build_outlook(first, months, method=outlook, scenario=threat)
    schedules = {case: schedule(book, first, months, case, delay) for case in CASES}
    units = case_units(base, world, schedules, seed=seed)
    munitions = sorted(set(carried(list(base.document.get("fire_units", [])), catalogue))
                       | {k for u in units.values() for month in u for k in carried(month, catalogue)})
    pool = _start_pool(base, catalogue, munitions, stocks)
    rates = parse_rates(supply or [], munitions, option="--supply")
    delivered = {case: [_month_delivery(a, catalogue, rates, first, m, munitions) for m, a in enumerate(arr)]
                 for case, arr in schedules.items()}
    plan = CasePlan(base.document, str(base.path), view, units, delivered, pool, seed, strike_nights)
    results = run_all(plan, replications, workers)
    simulate_s = time.perf_counter() - clock
    table = pd.DataFrame([r for res in results for r in res["rows"]])
    stock_table = pd.DataFrame([r for res in results for r in res["stocks"]])
    runouts = pd.DataFrame([r for res in results for r in res["runouts"]], columns=["replication", "case", "munition", "day"])
    rows = month_rows(table, stock_table)
    goal, basis = (target, "given (--target)") if target is not None else records_target()
    horizon_days = sum(days_in_month(m.month) for m in view.months)
    buy = None
    if budget:
        from airshield.pledges.buy import buy_for_horizon
        buy = buy_for_horizon(base, view, units["on_time"][-1], budget=budget, options=buy_options, seed=seed,
                              replications=buy_replications, verify_replications=verify_replications, workers=workers)
    settings = {"scenario": str(base.source), "months": months, "start": label(first), "ledger": book.file,
                "delay_months": delay, "replications": replications, "seed": seed, "outlook": view.method,
                "strike_nights": strike_nights, "start_stocks": pool, "supply": supply or [],
                "target": goal, "budget": budget, "cases": list(CASES),
                "seeds": "night j of month m, replication r: SeedSequence(seed, spawn_key=(r, m, j)), the same in "
                         "every case; raid rounding: spawn_key=(r, m, 1000000)",
                "start_stocks_default": f"{DEFAULT_STOCK_FACTOR} x the scenario's rounds unless --stock gives them"}
    timing = {"total_s": time.perf_counter() - clock, "simulate_s": simulate_s,
              "engine_runs": int(sum(r["engine_runs"] for r in results)),
              "shared_runs": int(sum(r["shared_runs"] for r in results))}
    result = PledgeAssessment(rows, runout_days(runouts, first, replications, horizon_days),
                              shortfall(rows, goal, basis), buy, view.to_dict(), _arrivals(schedules, first),
                              settings, timing, {"months": table, "stocks": stock_table})
    if out is not None:
        from airshield.pledges.files import write_assessment
        write_assessment(Path(out), base, result)
    return result


def _check(months: int, delay: int, replications: int, target: float | None) -> None:
    if not 1 <= months <= 120:
        raise InputError(f"{months} months", path="--months", expected="1 to 120")
    if delay < 0:
        raise InputError(f"delay {delay}", path="--delay", expected="0 months or more")
    if replications < 2:
        raise InputError(f"{replications} replication(s)", path="--replications", expected="2 or more")
    if target is not None and not 0 < target <= 1:
        raise InputError(f"target {target}", path="--target", expected="a share in (0, 1]")


def _start(text: str | None) -> dt.date:
    """The first month: given (YYYY-MM), else the month after the records' last."""
    if text is None:
        return add_months(max(record_months()), 1)
    from airshield.pledges.dates import parse_period
    return parse_period(text, file=None, path="--start")[0].replace(day=1)


def _start_pool(base, catalogue, munitions: list[str], stocks: str | None) -> dict[str, int]:
    rounds = scenario_rounds(list(base.document.get("fire_units", [])), catalogue)
    pool = {k: DEFAULT_STOCK_FACTOR * rounds.get(k, 0) for k in munitions}
    if stocks:
        pool.update(parse_counts(stocks, munitions, option="--stock", kind="munition"))
    return pool


def _month_delivery(arrivals, catalogue, rates: dict[str, float], first: dt.date, m: int,
                    munitions: list[str]) -> dict[str, int]:
    """Rounds arriving in month ``m``: the ledger's rounds, a load with each new system, and the steady
    ``--supply`` rates (whole rounds per day, floor(rate x days) in total)."""
    out = dict.fromkeys(munitions, 0)
    for source in (arrivals.rounds, system_loads(arrivals, catalogue)):
        for k, n in source.items():
            out[k] = out.get(k, 0) + n
    month = add_months(first, m)
    day0 = (month - first).days
    for k, rate in rates.items():
        out[k] += sum(delivered_on_day(rate, d) for d in range(day0, day0 + days_in_month(month)))
    return out


def _arrivals(schedules, first: dt.date) -> dict[str, list[dict[str, Any]]]:
    return {case: [{"month": label(add_months(first, m)), "systems": a.systems, "rounds": a.rounds, "rows": a.rows}
                   for m, a in enumerate(arr) if a.rows] for case, arr in schedules.items()}
