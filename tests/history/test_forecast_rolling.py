"""The rolling forecaster on synthetic reports from its own generative model: intervals cover at
their nominal rate, draws are reproducible with the seed, and no later report reaches a prediction."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from airshield.history.forecast.epochs import load_epochs
from airshield.history.forecast.fit import fit_link
from airshield.history.forecast.rolling import RollingSettings, rolling_forecast
from airshield.history.forecast.summary import score_rolling
from airshield.history.forecast.synthetic import Truth, synthetic_observations

SETTINGS = RollingSettings(months=2, train_days=240, draws=300, seed=3)


@pytest.fixture(scope="module")
def synthetic():
    table = synthetic_observations(260, Truth(), seed=11)
    return table, table[table["start"] >= pd.Timestamp("2024-10-01")]


@pytest.fixture(scope="module")
def forecast(synthetic):
    history, test = synthetic
    return rolling_forecast(history, test, SETTINGS)


def test_intervals_cover_at_their_nominal_rate(forecast):
    rows, _ = forecast
    scores = score_rolling(rows)["drone"]
    raids = scores["raids"]
    assert raids >= 100
    for level in (50, 80, 90):
        tolerance = 3 * np.sqrt(level / 100 * (1 - level / 100) / raids) + 0.02
        assert abs(scores[f"coverage{level}"] - level / 100) <= tolerance, (level, scores[f"coverage{level}"])
        assert abs(scores[f"pit_coverage{level}"] - level / 100) <= tolerance, (level, scores[f"pit_coverage{level}"])
    assert scores["crps_neutralised"] < scores["baseline_mean_crps_neutralised"]


def test_calibration_recovers_the_over_dispersion(synthetic):
    history, _ = synthetic
    truth = Truth()
    link = fit_link(history, "drone", "neutralised", history["start"].min())
    low, high = (np.exp(link.hyper.log_s2 + z * link.log_s2_se) for z in (-2.5, 2.5))
    assert low <= truth.s2 <= high


def test_draws_are_reproducible_with_the_seed(synthetic, forecast):
    history, test = synthetic
    chosen = test.iloc[:12]
    again, _ = rolling_forecast(history, chosen, SETTINGS)
    first = forecast[0].set_index(["raid", "group"]).loc[again.set_index(["raid", "group"]).index]
    pd.testing.assert_frame_equal(again.set_index(["raid", "group"]), first, check_like=True)
    other, _ = rolling_forecast(history, chosen, RollingSettings(**{**SETTINGS.__dict__, "seed": 4}))
    assert not np.allclose(other["crps_pred"], again["crps_pred"])


@pytest.mark.parametrize(("updates", "parameters"), [("raid", "s2"), ("month", "s2"), ("raid", "joint")])
def test_no_later_report_reaches_a_prediction(synthetic, updates, parameters):
    history, test = synthetic
    settings = RollingSettings(**{**SETTINGS.__dict__, "level_updates": updates, "parameters": parameters})
    month = pd.Timestamp("2024-12-01")
    window = test[(test["start"] >= month) & (test["start"] < month + pd.DateOffset(months=2))]
    chosen = window.iloc[[0, len(window) // 2, -1]]
    honest, _ = rolling_forecast(history, chosen, settings, first=month)
    for raid in chosen.itertuples():
        cutoff = month if updates == "month" else raid.start
        later = history["end"] > cutoff
        poisoned = history.copy()
        poisoned.loc[later, ["k_neutralised", "k_destroyed"]] = 0
        poisoned.loc[later, ["rep_neutralised", "rep_destroyed"]] = 0.0
        again, _ = rolling_forecast(poisoned, chosen[chosen["raid"] == raid.raid], settings, first=month)
        mine = honest[honest["raid"] == raid.raid]
        predicted = [c for c in again.columns if c.startswith("pred_")]
        np.testing.assert_allclose(again[predicted].to_numpy(float), mine[predicted].to_numpy(float))


def test_the_calibration_never_sees_the_predicted_months(synthetic):
    history, test = synthetic
    month = pd.Timestamp("2024-12-01")
    chosen = test[test["start"] >= month].iloc[:3]
    poisoned = history.copy()
    poisoned.loc[poisoned["end"] > month, "k_neutralised"] = 0
    _, honest = rolling_forecast(history, chosen, SETTINGS, first=month)
    _, again = rolling_forecast(poisoned, chosen, SETTINGS, first=month)
    assert [s.to_dict() for s in honest] == [s.to_dict() for s in again]


def test_poisoned_outcomes_of_test_raids_do_not_move_their_forecasts():
    from airshield.history.calibrate import Case
    from airshield.history.forecast.validation import rolling_validation
    from airshield.history.replay import load_laydown
    from airshield.history.spec import RaidSpec, SpecRow

    def case(i: int, share: float) -> Case:
        spec = RaidSpec(f"r{i:02d}", pd.Timestamp("2024-11-01") + pd.Timedelta(days=3 * i), 10.0,
                        (SpecRow(("shahed-136",), "drone", 6 + i % 4, ("kursk",), ()),))
        reported = pd.DataFrame({"launched": [6.0 + i % 4], "destroyed": [share], "ew_lost": [0.0],
                                 "neutralised": [share]}, index=pd.Index(["drone"], name="group"))
        return Case(spec, reported)

    honest = [case(i, 0.6 + 0.03 * (i % 5)) for i in range(16)]
    test = [c for c in honest if c.spec.start >= pd.Timestamp("2024-12-01")]
    poisoned = honest[:-len(test)] + [Case(c.spec, c.reported.assign(destroyed=0.0, neutralised=0.0)) for c in test]
    settings = RollingSettings(train_days=60, draws=200, seed=2)
    runs = [rolling_validation(history, test, load_laydown("kyiv-small"), load_epochs(), settings=settings,
                               replications=2, test_from=pd.Timestamp("2024-12-01")) for history in (honest, poisoned)]
    predicted = [c for c in runs[0].rows.columns if c.startswith("pred_")]
    assert len(runs[0].rows) == len(test)
    first_raid = runs[0].rows["start"] == runs[0].rows["start"].min()
    pd.testing.assert_frame_equal(runs[0].rows.loc[first_raid, predicted], runs[1].rows.loc[first_raid, predicted])
