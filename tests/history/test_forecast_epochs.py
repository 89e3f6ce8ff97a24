"""Dated defence epochs: the shipped file, its schema and errors, and the laydown of a date."""

from __future__ import annotations

import pandas as pd
import pytest

from airshield.errors import InputError
from airshield.history.forecast.dated import dated_defence, unit_counts
from airshield.history.forecast.epochs import COLUMNS, load_epochs
from airshield.history.replay import load_laydown


@pytest.fixture(scope="module")
def epochs():
    return load_epochs()


def test_every_shipped_change_has_a_source_or_an_assumption(epochs):
    assert len(epochs.rows) >= 30
    assert all(row.source or row.assumption for row in epochs.rows)
    assert list(epochs.table().columns) == list(COLUMNS)


def test_epochs_are_piecewise_constant(epochs):
    before, after = epochs.at(pd.Timestamp("2023-04-18")), epochs.at(pd.Timestamp("2023-04-19"))
    assert before["units:patriot"] == 0 and after["units:patriot"] > 0
    assert epochs.at(pd.Timestamp("2022-01-01")) == {}
    assert epochs.at(pd.Timestamp("2025-06-01"))["decoy_share"] == pytest.approx(0.45)


def test_a_bad_row_names_its_line_and_field(tmp_path):
    path = tmp_path / "epochs.csv"
    path.write_text(",".join(COLUMNS) + "\n2024-01-01,units:patriot,0.5,some source,\n2024-02-01,units:patriot,2,,\n")
    with pytest.raises(InputError) as err:
        load_epochs(path)
    assert "line 3" in str(err.value) and "epochs.csv" in str(err.value)
    path.write_text(",".join(COLUMNS) + "\n2024-01-01,decoy_share,0.5,,\n")
    with pytest.raises(InputError, match="source or an assumption"):
        load_epochs(path)
    path.write_text(",".join(COLUMNS) + "\nsoon,decoy_share,0.5,x,\n")
    with pytest.raises(InputError, match="date"):
        load_epochs(path)


def test_the_defence_grows_over_time(epochs):
    base = load_laydown()
    early = unit_counts(dated_defence(base, epochs.at(pd.Timestamp("2022-10-01"))))
    late = unit_counts(dated_defence(base, epochs.at(pd.Timestamp("2025-03-01"))))
    assert early.get("patriot", 0) == 0 and late["patriot"] >= 4
    assert early.get("mobile-fire-group", 0) < late["mobile-fire-group"]
    assert late["ew-jammer"] > early["ew-jammer"]


def test_attacker_changes_reach_the_replay(epochs):
    defence = dated_defence(load_laydown(), epochs.at(pd.Timestamp("2025-06-01")))
    assert defence.params.decoy_share == pytest.approx(0.45)
    assert defence.laydown.document["catalogue"]["threats"]["shahed-136"]["cruise_altitude_m"] == 2000
