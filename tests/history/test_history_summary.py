"""Summaries: sums equal the record sums; shares; largest raids; the PNG plot."""

from __future__ import annotations

import pytest

from airshield.errors import InputError
from airshield.history import largest_raids, plot_summary, raid_table, select_rows, summarise


@pytest.mark.parametrize("by", ["month", "quarter", "year"])
def test_summary_sums_equal_record_sums(shipped, by):
    table = summarise(shipped, by=by)
    rows = select_rows(shipped.rows)
    assert table["launched"].sum() == rows["launched"].sum()
    assert table["destroyed"].sum() == rows["destroyed"].fillna(0).sum()
    assert table["ew_lost"].sum() == rows["not_reach_goal"].fillna(0).sum()
    per_class = rows.groupby("threat_class")["launched"].sum()
    assert (table.groupby("threat_class")["launched"].sum() == per_class).all()


def test_shares(shipped):
    table = summarise(shipped, by="year")
    ok = table["launched"] - table["unreported"] > 0
    assert table.loc[~ok, "neutralised_share"].isna().all()
    assert ((table["neutralised_share"] - table["destroyed_share"] - table["ew_lost_share"])[ok].abs() < 1e-12).all()
    assert table.loc[ok, "destroyed_share"].between(0, 1).all()


def test_raid_counts_per_period(shipped):
    table = summarise(shipped, by="year")
    raids = raid_table(shipped)
    assert table.query("period == '2023'")["raids"].max() <= (raids["start"].dt.year == 2023).sum()


def test_largest_raids(shipped):
    top = largest_raids(shipped, top=3)
    assert len(top) == 3 and top["launched"].is_monotonic_decreasing
    assert top.loc[0, "launched"] == raid_table(shipped)["launched"].max()


def test_unknown_period_is_an_input_error(shipped):
    with pytest.raises(InputError):
        summarise(shipped, by="week")


def test_plot_writes_png(shipped, tmp_path):
    path = plot_summary(summarise(shipped, by="quarter"), tmp_path / "s.png")
    assert open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"


def test_shares_leave_out_launches_without_a_result(shipped):
    """January 2025, cruise: 70 launched, of which 18 (Kh-59/69 10 and Kh-101 8 on 2025-01-31) without a
    result; 40 destroyed of the 52 with one."""
    row = summarise(shipped, by="month").query("period == '2025-01' and threat_class == 'cruise'").iloc[0]
    assert (row["launched"], row["unreported"], row["destroyed"]) == (70, 18, 40)
    assert row["destroyed_share"] == 40 / 52
