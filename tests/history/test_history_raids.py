"""Raids: known raids load with their reported totals; a raid's totals are the sum of its rows."""

from __future__ import annotations

import pytest

from airshield.errors import InputError
from airshield.history import raid, raid_table, raids

DRONES = ("drone",)
MISSILES = ("cruise", "supersonic_cruise", "ballistic", "aeroballistic", "mixed")


def test_2022_10_10(shipped):
    r = raid(shipped, "2022-10-10")
    assert r.id == "2022-10-10T06:00"
    cruise = r.rows[r.rows["model"] == "X-101/X-555 and Kalibr"]
    assert (int(cruise["launched"].sum()), int(cruise["destroyed"].sum())) == (84, 43)
    assert (r.total("launched", ("cruise",)), r.total("destroyed", ("cruise",))) == (84, 43)
    assert (r.total("launched", DRONES), r.total("destroyed", DRONES)) == (13, 10)


def test_2024_08_26(shipped):
    r = raid(shipped, "2024-08-26T03:00")
    assert (r.total("launched", MISSILES), r.total("destroyed", MISSILES)) == (127, 102)
    assert (r.total("launched", DRONES), r.total("destroyed", DRONES)) == (109, 99)
    assert raid(shipped, "2024-08-26").id == r.id


def test_raid_totals_equal_sum_of_rows(shipped):
    for r in raids(shipped):
        totals = r.totals.sum()
        assert totals["launched"] == r.rows["launched"].sum()
        assert totals["destroyed"] == r.rows["destroyed"].fillna(0).sum()
        assert totals["ew_lost"] == r.rows["not_reach_goal"].fillna(0).sum()
        assert (r.rows["time_start"] == r.start).all() and (r.rows["time_end"] == r.end).all()


def test_raid_table_matches_raids_and_national_rows(shipped):
    table = raid_table(shipped)
    assert table["id"].is_unique
    national = shipped.rows[shipped.rows["source_tier"] == "national"]
    assert table["launched"].sum() == national["launched"].sum()
    assert table["rows"].sum() == len(national)
    assert len(table) == len(raids(shipped))


def test_shared_start_gets_interval_ids(shipped):
    ids = set(raid_table(shipped)["id"])
    assert "2024-10-30T18:30/2024-10-31T08:00" in ids and "2024-10-30T18:30" not in ids


def test_ambiguous_date_lists_candidates(shipped):
    with pytest.raises(InputError) as err:
        raid(shipped, "2023-12-29")
    assert "2023-12-29T06:00" in str(err.value) and "2023-12-28T23:00" in str(err.value)


def test_overnight_raid_found_by_its_morning_date(shipped):
    assert raid(shipped, "2025-07-01").id == "2025-06-30T21:00"


@pytest.mark.parametrize("query", ["1999-01-01", "not a date"])
def test_no_match_is_an_input_error(shipped, query):
    with pytest.raises(InputError):
        raid(shipped, query)
