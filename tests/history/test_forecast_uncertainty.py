"""Hyper-parameter uncertainty: the vectorised filter agrees with the scalar one, the joint draws vary
the drift variance as well as the over-dispersion, the importance resampling recovers a known
posterior, and with the truth known the forecasts that carry the joint uncertainty still cover."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from airshield.history.forecast.fit import BOUNDS, fit_link
from airshield.history.forecast.kalman import Hyper, run_filter, run_filters
from airshield.history.forecast.rolling import RollingSettings, rolling_forecast
from airshield.history.forecast.summary import score_rolling
from airshield.history.forecast.synthetic import Truth, synthetic_observations
from airshield.history.forecast.uncertainty import draw_vectors, hessian, laplace_cov


@pytest.fixture(scope="module")
def table():
    return synthetic_observations(220, Truth(), seed=5)


def test_the_vectorised_filter_matches_the_scalar_one():
    rng = np.random.default_rng(0)
    z, v, x = rng.normal(2, 0.6, 40), rng.uniform(0.02, 0.3, 40), rng.normal(0, 0.8, 40)
    t = np.cumsum(rng.integers(1, 4, 40)).astype(float)
    hypers = [Hyper(-1.5, -6.0), Hyper(-3.0, -10.0), Hyper(0.5, -2.0)]
    for one, many in zip((run_filter(z, v, x, t, h) for h in hypers), run_filters(z, v, x, t, hypers)):
        np.testing.assert_allclose(many.mean, one.mean, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(many.cov, one.cov, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(many.residuals, one.residuals, rtol=1e-12, atol=1e-12)
        assert many.loglik == pytest.approx(one.loglik, rel=1e-12)


def test_joint_draws_vary_the_drift_as_well_and_cover_the_truth(table):
    origin = table["start"].min()
    link = fit_link(table, "drone", "neutralised", origin, joint=True, seed=1)
    log_s2, log_q = link.vectors.T
    assert len(link.vectors) >= 20 and np.std(log_s2) > 0.02 and np.std(log_q) > 0.05
    lows, highs = np.array(BOUNDS).T
    assert np.all((link.vectors >= lows) & (link.vectors <= highs))
    truth = Truth()
    assert log_s2.min() - 0.5 <= np.log(truth.s2) <= log_s2.max() + 0.5
    assert log_q.min() - 1.0 <= np.log(truth.q) <= log_q.max() + 1.0
    assert np.isfinite(link.log_q_se) and link.log_q_se > 0


def test_joint_draws_are_reproducible_and_off_by_default(table):
    origin = table["start"].min()
    one, again, other = (fit_link(table, "drone", "neutralised", origin, joint=True, seed=s) for s in (1, 1, 2))
    np.testing.assert_array_equal(one.vectors, again.vectors)
    assert not np.array_equal(one.vectors, other.vectors)
    plain = fit_link(table, "drone", "neutralised", origin)
    assert len(plain.vectors) == 0 and plain.hyper_draws() == [plain.hyper]
    assert plain.hyper == one.hyper and plain.log_s2_se == one.log_s2_se


def test_importance_resampling_recovers_a_known_posterior():
    sd = np.array([0.5, 0.2])

    def loglik(thetas: np.ndarray) -> np.ndarray:
        return -0.5 * np.sum((thetas / sd) ** 2, axis=1)

    bounds = ((-10.0, 10.0), (-10.0, 10.0))
    draws = draw_vectors(loglik, np.zeros(2), np.eye(2), bounds, np.random.default_rng(3), proposals=4000,
                         vectors=2000)
    np.testing.assert_allclose(draws.std(axis=0), sd, rtol=0.15)
    np.testing.assert_allclose(draws.mean(axis=0), 0.0, atol=0.05)


def test_laplace_covariance_inverts_the_hessian_inside_and_widens_at_a_bound():
    h = np.array([[4.0, 1.0], [1.0, 2.0]])
    inside = laplace_cov(h, np.array([0.0, 0.0]), ((-5.0, 5.0), (-5.0, 5.0)))
    np.testing.assert_allclose(inside, np.linalg.inv(h))
    at_bound = laplace_cov(h, np.array([0.0, -5.0]), ((-5.0, 5.0), (-5.0, 5.0)))
    assert at_bound[0, 0] == pytest.approx(0.25) and at_bound[1, 1] == pytest.approx(100.0)
    assert at_bound[0, 1] == 0.0
    quadratic = hessian(lambda th: float(0.5 * th @ h @ th), np.array([0.3, -0.2]))
    np.testing.assert_allclose(quadratic, h, rtol=1e-6)


def test_joint_forecasts_cover_at_their_nominal_rate_when_the_truth_is_known():
    history = synthetic_observations(260, Truth(), seed=11)
    test = history[history["start"] >= pd.Timestamp("2024-10-01")]
    settings = RollingSettings(months=2, train_days=240, draws=300, seed=3, parameters="joint")
    rows, steps = rolling_forecast(history, test, settings)
    scores = score_rolling(rows)["drone"]
    for level in (50, 80, 90):
        tolerance = 3 * np.sqrt(level / 100 * (1 - level / 100) / scores["raids"]) + 0.02
        assert abs(scores[f"coverage{level}"] - level / 100) <= tolerance, (level, scores[f"coverage{level}"])
    assert all(len(link.vectors) for step in steps for link in step.links.values())


def test_unknown_parameter_option_is_refused():
    with pytest.raises(ValueError, match="parameters"):
        RollingSettings(parameters="everything")
