"""Replay, calibration and validation against the records: inputs only reach the model, and
calibration recovers parameters from records that airshield generated itself."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from airshield.history import load_records, raid
from airshield.history.calibrate import Case, calibrate
from airshield.history.params import ReplayParams
from airshield.history.predict import predict, reported_shares
from airshield.history.replay import load_laydown, replay_document
from airshield.history.spec import RaidSpec, SpecRow, raid_spec
from airshield.history.validate import predict_cases, score, add_baselines


@pytest.fixture(scope="module")
def records():
    return load_records()


@pytest.fixture(scope="module")
def small_laydown():
    return load_laydown("kyiv-small")


def drone_spec(name: str, count: int) -> RaidSpec:
    return RaidSpec(name, pd.Timestamp("2024-06-01") + pd.Timedelta(days=len(name)), 6.0,
                    (SpecRow(("shahed-136",), "drone", count, ("kursk",), ()),))


def test_replay_of_a_known_raid_uses_its_mix(records):
    known = raid(records, "2024-08-26T03:00")
    spec = raid_spec(known)
    assert spec.launched == known.total("launched", ("drone", "cruise", "supersonic_cruise", "ballistic", "aeroballistic"))
    document = replay_document(spec, load_laydown(), ReplayParams())
    assert sum(w["count"] for w in document["raid"]["waves"]) == spec.launched


def test_spec_never_reads_outcomes(records):
    known = raid(records, "2024-08-26T03:00")
    poisoned_rows = known.rows.copy()
    poisoned_rows["destroyed"] = 10**6
    poisoned_rows["not_reach_goal"] = -7
    poisoned_rows["num_hit_location"] = 999
    poisoned = type(known)(known.id, known.start, known.end, poisoned_rows)
    assert raid_spec(poisoned) == raid_spec(known)


def test_validation_predictions_ignore_test_outcomes(small_laydown):
    from airshield.history.calibrate import Calibration
    calibration = Calibration(ReplayParams(), (), pd.DataFrame())
    spec = drone_spec("test", 20)
    honest = Case(spec, pd.DataFrame({"launched": [20.0], "destroyed": [0.5], "ew_lost": [0.1], "neutralised": [0.6]},
                                     index=pd.Index(["drone"], name="group")))
    poisoned = Case(spec, honest.reported.assign(destroyed=99.0, neutralised=99.0))
    a = predict_cases([honest], small_laydown, calibration, replications=2, seed=3)
    b = predict_cases([poisoned], small_laydown, calibration, replications=2, seed=3)
    pred = [c for c in a.columns if c.startswith("pred_")]
    pd.testing.assert_frame_equal(a[pred], b[pred])


def test_calibration_recovers_a_known_multiplier(small_laydown):
    truth = ReplayParams(pk_drone=0.5)
    specs = [drone_spec(f"r{i}", n) for i, n in enumerate((25, 35, 45, 55))]
    cases = []
    for spec in specs:
        table = predict(spec, small_laydown, truth, replications=6, seed=99).table
        reported = table.loc[:, ["launched", "destroyed", "ew_lost", "neutralised"]]
        cases.append(Case(spec, reported))
    result = calibrate(cases, small_laydown, replications=2, seed=5)
    estimate = {e.name: e for e in result.estimates}["pk_drone"]
    assert estimate.status.startswith(("fitted", "at the edge"))
    low, high = estimate.ci90
    slack = 0.15  # grid spacing near the truth
    assert low - slack <= 0.5 <= high + slack, estimate
    assert {e.name: e for e in result.estimates}["pk_cruise"].status.startswith("not identified")


def test_scores_and_baselines_shape():
    rows = pd.DataFrame({"raid": ["a", "b"], "start": pd.to_datetime(["2025-01-02", "2025-01-05"]),
                         "group": ["drone", "drone"], "launched": [100.0, 50.0],
                         "pred_destroyed": [0.6, 0.7], "pred_ew_lost": [0.2, 0.1], "pred_neutralised": [0.8, 0.8],
                         "pred_neutralised_p05": [0.7, 0.7], "pred_neutralised_p95": [0.9, 0.9],
                         "rep_destroyed": [0.5, 0.8], "rep_ew_lost": [0.3, 0.1], "rep_neutralised": [0.8, 0.9]})
    history = [Case(RaidSpec("h", pd.Timestamp("2024-12-20"), 6.0, ()),
                    pd.DataFrame({"launched": [10.0], "destroyed": [0.4], "ew_lost": [0.2], "neutralised": [0.6]},
                                 index=pd.Index(["drone"], name="group")))]
    rows = add_baselines(rows, history, pd.Timestamp("2024-12-31"))
    scores = score(rows)["drone"]
    assert scores["raids"] == 2
    assert scores["mae_neutralised"] == pytest.approx((100 * 0.0 + 50 * 0.1) / 150)
    assert scores["coverage90"] == 1.0
    assert scores["baseline_mean_mae_neutralised"] == pytest.approx((100 * 0.2 + 50 * 0.3) / 150)
    assert np.isfinite(scores["baseline_trailing_mae_neutralised"])


def test_reported_shares_of_known_raid(records):
    shares = reported_shares(raid(records, "2024-08-26T03:00"))
    assert shares.loc["drone", "launched"] == 109 and shares.loc["drone", "destroyed"] == pytest.approx(99 / 109)


def test_a_group_whose_outcome_was_not_reported_is_left_out(records):
    """2025-01-31T19:00: the Kh-59/69, Kh-101 and Kh-22 rows give launches and a blank ``destroyed``;
    the cruise group's share is unknown, not 0. A written 0 (4 Iskander-M/KN-23) stays a share of 0."""
    chosen = raid(records, "2025-01-31T19:00")
    shares = reported_shares(chosen)
    assert "cruise" not in shares.index
    assert shares.loc["ballistic", "launched"] == 4 and shares.loc["ballistic", "neutralised"] == 0.0
    assert shares.loc["drone", "neutralised"] == pytest.approx((56 + 61) / 123)
    assert raid_spec(chosen).launched == 123 + 4 + 10 + 8 + 8 + 7  # every launch still flies in the replay
