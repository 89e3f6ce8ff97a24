"""Metrics of one replication from a hand-made EventLog: counts, conservation, value, spend."""

from __future__ import annotations

import pytest

from airshield.analysis import replication_metrics
from airshield.analysis.measures import COUNTS


@pytest.fixture(scope="module")
def metrics(tiny_world, hand_log):
    return replication_metrics(tiny_world, hand_log)


def test_counts_per_threat_type(metrics):
    assert metrics.by_threat["shahed-136"] == {"launched": 4, "destroyed": 1, "ew_lost": 1, "failed": 0, "leaked": 1,
                                               "in_flight": 1}
    assert metrics.by_threat["gerbera"] == {"launched": 2, "destroyed": 0, "ew_lost": 0, "failed": 1, "leaked": 1,
                                            "in_flight": 0}


def test_launched_is_the_sum_of_the_outcomes(metrics):
    for row in (*metrics.by_threat.values(), metrics.totals):
        assert row["launched"] == sum(row[k] for k in COUNTS if k != "launched")


def test_impacts_leave_out_harmless_decoys(metrics):
    assert metrics.totals["leaked"] == 2 and metrics.impacts == 1


def test_value_lost_by_asset_adds_up(metrics):
    assert metrics.value_lost_by_asset == {"A": 7.5, "B": 0.25}
    assert metrics.value_lost == pytest.approx(7.75)


def test_interceptor_spend_and_unit_use(metrics):
    assert metrics.interceptors == {"35mm-burst": {"expended": 2, "cost_usd": 20_000.0},
                                    "iris-t": {"expended": 1, "cost_usd": 430_000.0}}
    assert metrics.interceptors_expended == 3
    assert metrics.defender_usd == pytest.approx(450_000.0)
    assert metrics.unit_use == {"gun-1": {"engagements": 1, "rounds": 2}, "sam-1": {"engagements": 1, "rounds": 1}}


def test_attacker_cost_is_what_was_launched(tiny_world, metrics):
    cost = dict(zip(tiny_world.threat_types.key, tiny_world.threat_types.unit_cost))
    assert metrics.attacker_usd == pytest.approx(4 * cost["shahed-136"] + 2 * cost["gerbera"])
