"""Summaries of the records per period and threat class, and the largest raids."""

from __future__ import annotations

import pandas as pd

from airshield.errors import unknown_name
from airshield.history.raids import COUNTS, raid_rows, raid_table, without_result
from airshield.history.records import Records

PERIODS = {"month": "M", "quarter": "Q", "year": "Y"}
TOTALS = list(COUNTS.values())


def period_labels(times: pd.Series, by: str) -> pd.Series:
    """Period label of each time: ``2024-08`` (month), ``2024Q3`` (quarter) or ``2024`` (year)."""
    if by not in PERIODS:
        raise unknown_name("period", by, PERIODS)
    return times.dt.to_period(PERIODS[by]).astype(str)


def summarise(records: Records, by: str = "month", sources: str = "national") -> pd.DataFrame:
    """Per period (of raid start) and threat class: launched, destroyed, ew_lost [weapons], raids,
    ``unreported`` (launched on rows whose ``destroyed`` is blank: no result given [weapons]) and the
    shares destroyed, ew_lost and neutralised = destroyed + ew_lost, each over the launches with a result.

    Rows are those of the source selection ``sources`` (default national; see :mod:`.sources`).
    Not-modelled and unknown models are kept as their own classes so sums equal the records' sums.
    """
    rows = raid_rows(records, sources)
    counts = rows[list(COUNTS)].fillna(0).rename(columns=COUNTS)
    counts["unreported"] = counts["launched"].where(without_result(rows), 0)
    frame = pd.concat([counts, rows[["raid_id", "threat_class"]]], axis=1)
    frame["period"] = period_labels(rows["time_start"], by)
    grouped = frame.groupby(["period", "threat_class"], sort=True)
    table = grouped[[*TOTALS, "unreported"]].sum().astype(int)
    table["raids"] = grouped["raid_id"].nunique()
    table = table.reset_index()
    return _add_shares(table)


def _add_shares(table: pd.DataFrame) -> pd.DataFrame:
    launched = table["launched"] - table["unreported"]
    launched = launched.where(launched > 0)
    table["destroyed_share"] = table["destroyed"] / launched
    table["ew_lost_share"] = table["ew_lost"] / launched
    table["neutralised_share"] = (table["destroyed"] + table["ew_lost"]) / launched
    return table


def largest_raids(records: Records, top: int = 10, sources: str = "national") -> pd.DataFrame:
    """The ``top`` raids by launched: id, start, end, rows, launched, destroyed, ew_lost [weapons], classes."""
    table = raid_table(records, sources)
    return table.sort_values(["launched", "start"], ascending=[False, True], kind="stable").head(top) \
        .reset_index(drop=True)
