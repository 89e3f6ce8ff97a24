"""Random mutations of a few rows never crash the loader: only problems, or InputError for structure."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings, strategies as st

from airshield.errors import InputError
from airshield.history import load_records
from airshield.history.columns import CURRENT
from history_helpers import row

BASE = [row(), row(model="Shahed-136/131", launched="50", destroyed="40", not_reach_goal="5"),
        row(time_start="2024-08-25", time_end="2024-08-25 08:00", source="PvKPivden/posts/y")]
CELLS = st.one_of(st.text(max_size=12), st.sampled_from(["-1", "1e9", "nan", "inf", "2.5", "", "2024-13-01",
                                                          "x,y", '"', "\n", "9999-99-99 99:99"]))


def _csv(rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CURRENT), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.integers(0, 2), st.sampled_from(CURRENT), CELLS), max_size=6),
       cut=st.integers(0, 400))
def test_mutated_rows_never_crash(tmp_path, edits, cut):
    rows = [dict(r) for r in BASE]
    for index, column, value in edits:
        rows[index][column] = value
    text = _csv(rows)
    text = text[: len(text) - cut % 40]  # sometimes truncate the last row
    path = tmp_path / "fuzz.csv"
    path.write_text(text, encoding="utf-8")
    try:
        records = load_records(path)
    except InputError:
        return
    assert len(records) + len(records.problems) <= 3 + len(text.splitlines())
    assert all(isinstance(line, int) and line >= 2 for line, _ in records.problems)
    assert (records.rows["launched"] >= 0).all()
