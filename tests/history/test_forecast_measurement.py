"""Reports as binomial measurements of the logit share: the empirical logit's moments worked by hand,
the compiled filter against the reference, the bias the linearisation removes on small raids, and
the raid-size regressor recovering a known size effect."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from airshield.history.forecast.fit import fit_link
from airshield.history.forecast.kalman import Hyper, filter_measured, run_filter, run_filters
from airshield.history.forecast.measurement import Measurement, elogit, elogit_moments
from airshield.history.forecast.rolling import RollingSettings, rolling_forecast
from airshield.history.forecast.summary import score_rolling
from airshield.history.forecast.synthetic import Truth, synthetic_observations


def test_one_missile_worked_by_hand():
    # K in {0, 1}; elogit(0, 1) = log(0.5 / 1.5) = -log 3, elogit(1, 1) = +log 3
    p, l3 = 0.1, math.log(3.0)
    mean, slope, var = (float(a[0]) for a in elogit_moments(np.array([1.0]), p))
    assert mean == pytest.approx((2 * p - 1) * l3)                  # -0.8789
    assert slope == pytest.approx(2 * l3 * p * (1 - p))             # Cov(K, elogit) = 0.1978
    assert var == pytest.approx(4 * l3 ** 2 * p * (1 - p))          # 0.4345
    # the working variance var / slope^2 is the inverse Fisher information 1 / (n p (1 - p)) = 11.1
    assert var / slope ** 2 == pytest.approx(1 / (p * (1 - p)))
    assert mean - math.log(p / (1 - p)) == pytest.approx(1.318, abs=1e-3)   # bias of the raw value


def test_large_raids_approach_the_normal_approximation():
    mean, slope, var = elogit_moments(np.array([800.0, 5000.0]), 0.85)
    logit = math.log(0.85 / 0.15)
    assert mean[0] == pytest.approx(logit, abs=0.01) and mean[1] == pytest.approx(logit)
    assert slope[0] == pytest.approx(1.0, abs=0.01) and slope[1] == 1.0
    assert var == pytest.approx(1 / (np.array([800.0, 5000.0]) * 0.85 * 0.15), rel=0.03)


def test_the_compiled_filter_equals_the_reference():
    rng = np.random.default_rng(2)
    n = rng.integers(1, 300, 120).astype(float)
    k = rng.binomial(n.astype(int), 0.7).astype(float)
    x, t = rng.normal(0, 0.8, (120, 2)), np.cumsum(rng.integers(0, 4, 120)).astype(float)
    hypers = [Hyper(-1.5, -6.0), Hyper(-3.0, -10.0)]
    measure = Measurement(k, n)
    z, v = elogit(k, n), rng.uniform(0.02, 0.3, 120)
    for h, fast, given in zip(hypers, filter_measured(measure, x, t, hypers), run_filters(z, v, x, t, hypers)):
        for one, many in ((run_filter(z, None, x, t, h, measure=measure), fast), (run_filter(z, v, x, t, h), given)):
            np.testing.assert_allclose(many.mean, one.mean, rtol=1e-10, atol=1e-12)
            np.testing.assert_allclose(many.cov, one.cov, rtol=1e-10, atol=1e-12)
            assert many.loglik == pytest.approx(one.loglik, rel=1e-12)


def test_linearised_reports_recover_the_level_of_small_raids():
    """400 raids of 1-3 ballistic missiles at a steady share of 0.1: the linearised filter finds
    logit(0.1) = -2.2; the raw empirical logits with the textbook variance settle near -1.2."""
    rng = np.random.default_rng(7)
    n = rng.integers(1, 4, 400).astype(float)
    k = rng.binomial(n.astype(int), 0.1).astype(float)
    x, t, hyper = np.zeros((400, 1)), np.arange(400.0), Hyper(math.log(1e-3), math.log(1e-6))
    level = filter_measured(Measurement(k, n), x, t, [hyper])[0].mean[-1, 0]
    raw = run_filters(elogit(k, n), 1 / (k + 0.5) + 1 / (n - k + 0.5), x, t, [hyper])[0].mean[-1, 0]
    assert level == pytest.approx(math.log(0.1 / 0.9), abs=0.3)
    assert raw > math.log(0.1 / 0.9) + 0.7


def test_the_size_regressor_recovers_a_size_effect_and_the_intervals_still_cover():
    truth = Truth(size_weight=0.6, sizes=(2.0, 600.0))
    table = synthetic_observations(300, truth, seed=21)
    link = fit_link(table, "drone", "neutralised", table["start"].min())
    weight, sd = link.size_state
    assert abs(weight - truth.size_weight) <= 3 * sd + 0.05, (weight, sd)
    rows, _ = rolling_forecast(table, table[table["start"] >= pd.Timestamp("2024-11-01")],
                               RollingSettings(months=4, train_days=300, draws=200, seed=3))
    scores = score_rolling(rows)["drone"]
    assert scores["raids"] >= 80
    for level in (50, 80, 90):   # small raids' shares are discrete, so coverage may exceed nominal a little
        tolerance = 3 * np.sqrt(level / 100 * (1 - level / 100) / scores["raids"]) + 0.02
        assert level / 100 - tolerance <= scores[f"coverage{level}"] <= level / 100 + tolerance + 0.05, level
