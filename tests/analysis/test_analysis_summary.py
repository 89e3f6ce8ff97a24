"""The typed RunSummary: JSON keys kept, units added, accumulator equal to summarise, stored
summaries read back."""

from __future__ import annotations

import dataclasses
import math

import pytest

from airshield.analysis import (Cost, Counts, RunSummary, Spend, SummaryAccumulator, Totals, UnitUse,
                                replication_metrics, summarise)
from airshield.analysis.measures import measures


@pytest.fixture(scope="module")
def replications(tiny_world, hand_log):
    first = replication_metrics(tiny_world, hand_log)
    second = replication_metrics(tiny_world, hand_log[hand_log.kind != "damage"])
    return [first, second, first]


def test_to_dict_keeps_the_keys_readers_use(replications):
    data = summarise(replications, "tiny").to_dict()
    assert set(data) >= {"scenario", "replications", "totals", "by_threat", "interceptors", "value_lost",
                         "value_lost_by_asset", "cost", "unit_use", "units"}
    assert data["scenario"] == "tiny" and data["replications"] == 3
    assert set(data["totals"]) >= {"launched", "destroyed", "ew_lost", "failed", "leaked", "in_flight", "impacts"}
    assert set(data["value_lost"]) >= {"mean", "p05", "p95", "ci95", "n", "method", "unit"}
    assert set(data["cost"]) == {"defender_usd", "attacker_usd"}
    assert data["units"]["value_lost"] == "value points" and data["units"]["interceptors"]["cost_usd"] == "USD"
    assert data["units"]["totals"]["launched"] == "threats"


def test_means_interval_and_share(replications):
    summary = summarise(replications, "tiny")
    assert summary.totals.launched == 6 and summary.totals.impacts == 1
    assert summary.value_lost.mean == pytest.approx(7.75 * 2 / 3)
    assert 0 <= summary.value_lost.low <= summary.value_lost.mean <= summary.value_lost.high
    assert summary.shares.any_impact.mean == 1.0 and summary.shares.any_impact.high == 1.0
    assert summary.cost.exchange_ratio == pytest.approx(summary.cost.defender_usd / summary.cost.attacker_usd)


def test_accumulator_equals_summarise(replications):
    accumulator = SummaryAccumulator("tiny")
    for item in replications:
        accumulator.add(item)
    assert accumulator.summary() == summarise(replications, "tiny")


def test_from_dict_reads_to_dict_and_old_summaries(replications):
    summary = summarise(replications, "tiny")
    assert RunSummary.from_dict(summary.to_dict()) == summary
    old = {"replications": 2, "totals": {"launched": 3.0, "impacts": 1.0}, "by_threat": {},
           "interceptors": {"x": {"expended": 2, "cost_usd": 5.0}},
           "value_lost": {"mean": 1.0, "p05": 0.5, "p95": 1.5, "ci95": [0.2, 1.8]},
           "cost": {"defender_usd": 5.0, "attacker_usd": 9.0}}
    read = RunSummary.from_dict(old)
    assert read.totals.launched == 3 and read.interceptors["x"] == Spend(2, 5.0)
    assert read.value_lost.ci95 == (0.2, 1.8) and read.value_lost.unit == "value points"
    assert math.isnan(read.shares.any_impact.mean)


def test_one_replication_has_no_interval(replications):
    data = summarise(replications[:1], "tiny").to_dict()
    assert data["value_lost"]["ci95"] == [None, None]


@pytest.mark.parametrize("record, section", [(Counts, "by_threat"), (Spend, "interceptors"), (UnitUse, "unit_use"),
                                             (Cost, "cost")])
def test_records_are_the_measures_table(record, section):
    assert [f.name for f in dataclasses.fields(record)] == [m.name for m in measures(section)]


def test_totals_are_the_measures_table():
    assert [f.name for f in dataclasses.fields(Totals)] == [m.name for m in measures("totals")]
