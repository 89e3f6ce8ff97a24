"""Loading: bad rows are reported with CSV line numbers and left out; column sets; errors."""

from __future__ import annotations

import pytest

from airshield.errors import InputError
from airshield.history import load_records
from airshield.history.columns import CURRENT, OLDER_ONLY
from history_helpers import row


def test_bad_rows_reported_with_line_numbers(write_csv):
    path = write_csv([
        row(),                                               # line 2: fine
        row(launched="-3", destroyed="0"),                   # line 3: negative
        row(launched="5", destroyed="7"),                    # line 4: destroyed > launched
        row(time_start="26/08/2024"),                        # line 5: bad time
        row(launched="many"),                                # line 6: non-numeric
        row(time_start="2024-08-26", time_end="2024-08-26 08:00"),  # line 7: date-only start is fine
    ])
    records = load_records(path)
    lines = {line: msg for line, msg in records.problems}
    assert sorted(lines) == [3, 4, 5, 6]
    assert "negative" in lines[3]
    assert "destroyed (7) > launched (5)" in lines[4]
    assert "time_start" in lines[5]
    assert "not a number" in lines[6]
    assert list(records.rows["line"]) == [2, 7]
    assert records.rows["date_only_start"].tolist() == [False, True]


def test_line_numbers_count_physical_lines_of_quoted_fields(write_csv):
    path = write_csv([row(target="two\nlines"), row(launched="-1", destroyed="0")])
    assert load_records(path).problems == [(4, "launched is negative (-1)")]


def test_ragged_row_is_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("time_start,time_end,model,launched,destroyed\n"
                    "2024-01-01,2024-01-01 08:00,Kalibr,3,1\n"
                    "2024-01-02,2024-01-02 08:00,Kalibr,3\n", encoding="utf-8")
    records = load_records(path)
    assert records.problems == [(3, "has 4 fields, expected 5")]
    assert len(records) == 1


def test_older_column_set_loads(write_csv):
    older = [c for c in CURRENT if c not in ("source",)] + list(OLDER_ONLY)
    path = write_csv([row(cross_border_belarus="2", back_russia="1", carrier="Tu-95MS")], columns=older)
    records = load_records(path)
    assert len(records) == 1 and records.problems == []
    assert records.rows.loc[0, "back_russia"] == "1"
    assert records.rows.loc[0, "source_tier"] == "unknown"


def test_minimal_columns_fill_the_rest_as_empty(write_csv):
    path = write_csv([row()], columns=["time_start", "time_end", "model", "launched", "destroyed"])
    rows = load_records(path).rows
    assert set(CURRENT + OLDER_ONLY) <= set(rows.columns)
    assert rows.loc[0, "not_reach_goal"] != rows.loc[0, "not_reach_goal"]  # NaN: not reported


def test_unknown_model_is_reported_and_kept(write_csv):
    records = load_records(write_csv([row(), row(model="Geran-5")]))
    assert records.unknown_models == ["Geran-5"]
    kept = records.rows[records.rows["model"] == "Geran-5"]
    assert kept["threat_class"].tolist() == ["unknown"]


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(InputError) as err:
        load_records(tmp_path / "nope.csv")
    assert "nope.csv" in str(err.value)


def test_missing_required_column_names_file_and_column(write_csv):
    path = write_csv([row()], columns=["time_start", "time_end", "model", "launched"])
    with pytest.raises(InputError) as err:
        load_records(path)
    assert err.value.path == "destroyed" and str(path) in str(err.value)


def test_time_forms(write_csv):
    path = write_csv([row(time_start="2023-05-16 3:30", time_end="2023-05-16 08:00 "),
                      row(time_start="2024-02-30 01:00")])
    records = load_records(path)
    assert str(records.rows.loc[0, "time_start"]) == "2023-05-16 03:30:00"
    assert [line for line, _ in records.problems] == [3]
