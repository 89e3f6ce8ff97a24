"""Conservation laws of the EventLog on the built-in scenarios."""

import pytest

from airshield.engine import run_replication
from airshield.world import load_world
from engine_testkit import check_conservation, engagement_intervals


@pytest.fixture(scope="module")
def kyiv_small():
    return load_world("kyiv-small")


@pytest.mark.parametrize("seed", [0, 1, 7, 12345])
def test_kyiv_small_conserves_threats_rounds_and_channels(kyiv_small, seed):
    log = run_replication(kyiv_small, seed)
    counts = check_conservation(kyiv_small, log)
    assert counts["launch"] == 68
    assert counts.get("engage", 0) == counts.get("kill", 0) + counts.get("miss", 0) + _unanswered(log)


def _unanswered(log) -> int:
    """Engagements whose threat ended before the interceptor arrived (no kill/miss event)."""
    intervals = engagement_intervals(log)
    answered = log[log["kind"].isin(["kill", "miss"])]
    return len(intervals) - len(answered)


def test_no_detection_after_a_threat_has_ended(kyiv_small):
    """Regression: threats that failed before any sensor held them were 'detected' after the failure."""
    for seed in range(3):
        log = run_replication(kyiv_small, seed)
        ends = log[log["kind"].isin(["kill", "ew_loss", "failure", "impact"])].set_index("threat")["time"]
        detect = log[log["kind"] == "detect"]
        assert (detect["time"].to_numpy() <= ends.reindex(detect["threat"]).to_numpy()).all()
        assert detect["threat"].is_unique


def test_ukraine_national_runs_end_to_end():
    world = load_world("ukraine-national")
    log = run_replication(world, 3)
    counts = check_conservation(world, log)
    assert counts.get("kill", 0) > 0
    assert counts.get("impact", 0) > 0
    assert counts.get("engage", 0) > 0
    assert set(log.columns) >= {"time", "kind", "threat", "unit", "weapon", "rounds", "cost_usd", "x", "y", "z",
                                "asset", "value", "threat_type", "wave", "unit_name", "munition"}
