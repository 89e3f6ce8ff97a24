"""Flat rows from the measures table: the stored column names, and a lossless round trip."""

from __future__ import annotations

import math

from hypothesis import given, settings, strategies as st

from airshield.analysis import ReplicationMetrics, from_row, replication_metrics, to_row
from airshield.analysis.measures import COUNTS, MEASURES, column_measure, measures, stored


def test_row_has_the_column_names_stored_runs_use(tiny_world, hand_log):
    row = to_row(replication_metrics(tiny_world, hand_log))
    for column in ("impacts", "value_lost", "defender_usd", "attacker_usd", "by_threat/shahed-136/leaked",
                   "by_threat/gerbera/in_flight", "interceptors/iris-t/expended", "interceptors/35mm-burst/cost_usd",
                   "unit_use/gun-1/rounds", "unit_use/sam-1/engagements", "value_lost_by_asset/A"):
        assert column in row, column
    assert all(column_measure(c) is not None for c in row)


def test_round_trip_of_a_hand_made_log(tiny_world, hand_log):
    metrics = replication_metrics(tiny_world, hand_log)
    assert from_row(to_row(metrics)) == metrics


names = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF, blacklist_characters="/"), min_size=1,
                max_size=12)
counts = st.integers(0, 10_000)


@st.composite
def replication(draw) -> ReplicationMetrics:
    types = draw(st.lists(names, min_size=1, max_size=3, unique=True))
    by_threat = {t: {k: draw(counts) for k in COUNTS} for t in types}
    money = st.floats(0, 1e9, allow_nan=False)
    interceptors = {m: {"expended": draw(counts), "cost_usd": draw(money)}
                    for m in draw(st.lists(names, max_size=3, unique=True))}
    units = {u: {"engagements": draw(counts), "rounds": draw(counts)} for u in draw(st.lists(names, max_size=3, unique=True))}
    assets = {a: draw(money) for a in draw(st.lists(names, max_size=3, unique=True))}
    return ReplicationMetrics(by_threat=by_threat, impacts=draw(counts), interceptors=interceptors,
                              value_lost=draw(money), value_lost_by_asset=assets, defender_usd=draw(money),
                              attacker_usd=draw(money), unit_use=units)


@settings(max_examples=60, deadline=None)
@given(replication())
def test_round_trip_of_any_replication(metrics):
    assert from_row(to_row(metrics)) == metrics


def test_nan_cells_of_a_stored_table_are_absent():
    row = {"impacts": 0, "value_lost": 0.0, "defender_usd": 0.0, "attacker_usd": 0.0,
           "by_threat/x/launched": 1, "unit_use/gun/rounds": math.nan, "unknown/column": 3}
    metrics = from_row(row)
    assert metrics.unit_use == {} and metrics.by_threat == {"x": {"launched": 1}}


def test_the_table_declares_every_section_and_unit():
    assert {m.section for m in MEASURES} >= {"totals", "by_threat", "interceptors", "unit_use", "value_lost_by_asset",
                                             "cost"}
    assert all(m.unit and m.description and m.kind for m in MEASURES)
    assert [m.name for m in measures("by_threat")] == list(COUNTS)
    assert {m.column for m in stored() if not m.key} == {"impacts", "value_lost", "defender_usd", "attacker_usd"}
