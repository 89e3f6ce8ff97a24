"""National versus regional sources."""

from __future__ import annotations

import pandas as pd
import pytest

from airshield.errors import InputError
from airshield.history import load_records, select_rows, source_tier
from history_helpers import row


def test_tiers():
    tiers = source_tier(pd.Series(["kpszsu/posts/a", "https://t.me/kpszsu/1", "GeneralStaff.ua/posts/b",
                                   "PvKPivden/posts/c", "pvkshid/posts/d", "https://t.me/war_monitor/1", None]))
    assert tiers.tolist() == ["national", "national", "national", "regional", "regional", "other", "unknown"]


def test_fill_adds_only_regional_only_windows(write_csv):
    path = write_csv([
        row(),                                                                    # national 03:00-18:00
        row(time_start="2024-08-26", time_end="2024-08-26 08:00", source="PvKPivden/p"),   # overlaps
        row(time_start="2024-08-28", time_end="2024-08-28 08:00", source="PvKPivden/p"),   # regional only
        row(source="https://t.me/war_monitor/1"),
    ])
    rows = load_records(path).rows
    assert select_rows(rows)["line"].tolist() == [2]
    assert select_rows(rows, "fill")["line"].tolist() == [2, 4]
    assert len(select_rows(rows, "all")) == 4
    with pytest.raises(InputError):
        select_rows(rows, "regional")
