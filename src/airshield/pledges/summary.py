"""Per-month summaries over replications: intervals of the mean, paired differences to on time,
run-out days, and the shortfall against a protection target."""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd

from airshield.planning.common import interval
from airshield.pledges.dates import add_months, label


def month_rows(table: pd.DataFrame, stocks: pd.DataFrame) -> list[dict[str, Any]]:
    """One dict per (month, case): neutralised share, value lost, launched, stocks, paired difference."""
    out = []
    on_time = table[table.case == "on_time"].set_index(["month", "replication"])
    for (month, case), rows in table.groupby(["month", "case"], sort=False):
        rows = rows.sort_values("replication")
        entry: dict[str, Any] = {"month": month, "case": case,
                                 "neutralised_share": interval(rows.neutralised_share.to_numpy()),
                                 "value_lost": interval(rows.value_lost.to_numpy()),
                                 "launched": float(rows.launched.mean()),
                                 "stocks": _stocks(stocks[(stocks.month == month) & (stocks.case == case)])}
        if case != "on_time":
            base = on_time.loc[month].loc[rows.replication]
            entry["minus_on_time"] = {
                "value_lost": interval(rows.value_lost.to_numpy() - base.value_lost.to_numpy()),
                "neutralised_share": interval(rows.neutralised_share.to_numpy() - base.neutralised_share.to_numpy())}
        out.append(entry)
    return out


def _stocks(rows: pd.DataFrame) -> dict[str, Any]:
    out = {}
    for munition, r in rows.groupby("munition"):
        out[munition] = {"end": interval(r.end.to_numpy()), "fired": float(r.fired.mean()),
                         "delivered": float(r.delivered.mean()), "ran_out": int((r.end <= 0).sum()),
                         "replications": int(len(r))}
    return out


def runout_days(runouts: pd.DataFrame, start: dt.date, replications: int, days: int) -> dict[str, Any]:
    """Per case and munition: first day the national pool is empty [days from the start], mean and
    interval over the replications that ran out, with the date of the mean day; others censored."""
    out: dict[str, Any] = {}
    for (case, munition), rows in runouts.groupby(["case", "munition"]):
        values = rows.day.to_numpy(dtype=float)
        entry: dict[str, Any] = {"ran_out": int(len(values)), "replications": replications, "days": [int(v) for v in values]}
        if len(values):
            entry["mean_day"] = float(values.mean())
            entry["date"] = (start + dt.timedelta(days=float(values.mean()) - 1)).isoformat()
            entry["ci95"] = interval(values)["ci95"] if len(values) > 1 else None
        if len(values) < replications:
            entry["note"] = f"did not run out within {days} days in {replications - len(values)} replication(s)"
        out.setdefault(case, {})[munition] = entry
    return out


def shortfall(months: list[dict[str, Any]], target: float, target_basis: str) -> dict[str, Any]:
    """Months of the on-time case whose neutralised share is below ``target`` (share of launches):
    the gap in share and in weapons that would have to be neutralised, per month."""
    rows = []
    for m in months:
        if m["case"] != "on_time":
            continue
        share = m["neutralised_share"]
        gap = target - share["mean"]
        rows.append({"month": m["month"], "share": share, "gap": gap, "below_target": share["ci95"][1] < target,
                     "weapons_short": max(gap, 0.0) * m["launched"]})
    short = [r for r in rows if r["gap"] > 0]
    return {"target": target, "target_basis": target_basis, "months": rows,
            "months_below_target": [r["month"] for r in rows if r["below_target"]],
            "worst_month": max(short, key=lambda r: r["gap"])["month"] if short else None,
            "weapons_short_per_month": float(np.mean([r["weapons_short"] for r in rows])) if rows else 0.0}


def records_target(months_back: int = 3) -> tuple[float, str]:
    """Neutralised share (destroyed + EW-lost) / launched of the records' last ``months_back`` months."""
    from airshield.history import load_records, summarise
    from airshield.pledges.outlook import GROUPS
    table = summarise(load_records(), by="month")
    table = table[table.threat_class.isin(list(GROUPS))]
    periods = sorted(table.period.unique())[-months_back:]
    recent = table[table.period.isin(periods)]
    share = float((recent.destroyed.sum() + recent.ew_lost.sum()) / recent.launched.sum())
    return share, f"neutralised share of the records' last {months_back} months ({periods[0]} .. {periods[-1]})"


def month_labels(start: dt.date, months: int) -> list[str]:
    return [label(add_months(start, m)) for m in range(months)]
