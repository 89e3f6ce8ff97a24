"""National versus regional reports, to avoid double counting.

The national tier is the Air Force Command (``kpszsu``), plus the few rows taken from the General
Staff (``GeneralStaff.ua``) and the Commander-in-Chief (``CinCAFU``): national-level reports of the
same raids (the 2022-10-10 raid comes from the General Staff). Regional tier: the regional air
commands (accounts starting ``pvk``: PvKPivden, pvkshid, PvkZahid, PvkCenter). Everything else
(media, other channels) is ``other``; an empty source is ``unknown``.
"""

from __future__ import annotations

import pandas as pd

from airshield.errors import unknown_name

NATIONAL_ACCOUNTS = ("kpszsu", "generalstaff.ua", "cincafu")
REGIONAL_PREFIX = "pvk"
SELECTIONS = ("national", "fill", "all")
"""``national``: national rows only (default). ``fill``: national rows plus regional windows that
overlap no national window. ``all``: every row (double counts; for inspection)."""


def account(source: pd.Series) -> pd.Series:
    """The account name of a source link: ``kpszsu/posts/...`` or ``https://t.me/kpszsu/1`` -> ``kpszsu``."""
    text = source.fillna("").str.strip().str.lower()
    text = text.str.replace(r"^https?://", "", regex=True)
    text = text.str.replace(r"^(www\.)?(facebook\.com|t\.me)/", "", regex=True)
    return text.str.split("/").str[0]


def source_tier(source: pd.Series) -> pd.Series:
    """``national``, ``regional``, ``other`` or ``unknown`` (empty) for each source."""
    name = account(source)
    tier = pd.Series("other", index=source.index, dtype=object)
    tier[name.str.startswith(REGIONAL_PREFIX)] = "regional"
    tier[name.isin(NATIONAL_ACCOUNTS)] = "national"
    tier[name == ""] = "unknown"
    return tier


def window_bounds(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(start, end) of each row's reporting window; a date-only end covers that whole day."""
    end = rows["time_end"] + pd.to_timedelta(rows["date_only_end"].astype(int), unit="D")
    return rows["time_start"], end


def regional_only(rows: pd.DataFrame) -> pd.Series:
    """Mask of regional rows whose window overlaps no national window."""
    start, end = window_bounds(rows)
    national = rows["source_tier"] == "national"
    n_start, n_end = start[national].to_numpy(), end[national].to_numpy()
    regional = rows["source_tier"] == "regional"
    mask = pd.Series(False, index=rows.index)
    for i in rows.index[regional]:
        mask[i] = not ((n_start < end[i]) & (n_end > start[i])).any()
    return mask


def select_rows(rows: pd.DataFrame, sources: str = "national") -> pd.DataFrame:
    """The rows of a source selection (see :data:`SELECTIONS`).

    A file with no national rows at all (e.g. no ``source`` column) counts its ``unknown`` rows as national.
    """
    if sources not in SELECTIONS:
        raise unknown_name("source selection", sources, SELECTIONS)
    if sources == "all":
        return rows
    tier = rows["source_tier"]
    keep = tier == "national"
    if not keep.any():
        keep = tier == "unknown"
    if sources == "fill":
        keep |= regional_only(rows)
    return rows[keep]
