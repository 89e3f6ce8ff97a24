"""Proper scores and coverage of predictive samples, checked against closed forms."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import integrate, stats

from airshield.history.forecast.scores import covered, crps, interval, pit_coverage, pit_range, quantile


def test_crps_of_a_point_mass_is_the_absolute_error():
    assert crps([0.3, 0.3, 0.3], 0.8) == pytest.approx(0.5)


def test_crps_matches_the_integral_of_the_squared_cdf_difference():
    rng = np.random.default_rng(4)
    values, weights, y = rng.beta(5, 2, size=60), rng.uniform(0.5, 2.0, size=60), 0.55
    order = np.argsort(values)

    def integrand(x):
        cdf = weights[order][values[order] <= x].sum() / weights.sum()
        return (cdf - (x >= y)) ** 2
    points = sorted(set(values) | {y})
    expected = sum(integrate.quad(integrand, a, b)[0] for a, b in zip([0.0] + points, points + [1.0]))
    assert crps(values, y, weights) == pytest.approx(expected, abs=1e-6)


def test_crps_of_a_normal_sample_is_close_to_the_closed_form():
    rng = np.random.default_rng(1)
    sample = rng.normal(0.0, 1.0, size=20_000)
    y = 0.7
    closed = y * (2 * stats.norm.cdf(y) - 1) + 2 * stats.norm.pdf(y) - 1 / np.sqrt(np.pi)
    assert crps(sample, y) == pytest.approx(closed, abs=0.01)


def test_weighted_quantiles_and_intervals():
    assert quantile([1, 2, 3, 4], 0.5) == 2
    assert quantile([1, 2, 3], 0.5, weights=[1, 1, 10]) == 3
    assert interval(np.arange(101), 0.9) == (5, 95)
    assert covered([0.2, 0.4, 0.6], 0.4, 0.5) and not covered([0.2, 0.4, 0.6], 0.9, 0.5)


def test_coverage_is_nominal_when_forecast_and_truth_share_a_distribution():
    rng = np.random.default_rng(7)
    sample = rng.uniform(size=2000)
    outcomes = rng.uniform(size=2000)
    for level in (0.5, 0.8, 0.9):
        observed = np.mean([covered(sample, y, level) for y in outcomes])
        assert observed == pytest.approx(level, abs=0.035)


def test_pit_range_and_coverage_by_hand():
    values = [0.0, 0.5, 0.5, 1.0]
    assert pit_range(values, 0.5) == pytest.approx((0.25, 0.75))   # F(y-) = 1/4, F(y) = 3/4
    assert pit_range(values, 0.3) == pytest.approx((0.25, 0.25))   # no mass at y: a single point
    assert pit_range(values, 0.5, [1.0, 2.0, 0.0, 1.0]) == pytest.approx((0.25, 0.75))
    assert pit_coverage(0.25, 0.75, 0.5) == pytest.approx(1.0)     # band [0.25, 0.75]
    assert pit_coverage(0.25, 0.75, 0.2) == pytest.approx(0.4)     # band [0.4, 0.6]: 0.2 of 0.5
    assert pit_coverage(0.25, 0.25, 0.9) == 1.0 and pit_coverage(0.01, 0.01, 0.9) == 0.0
    assert pit_coverage(0.0, 1.0, 0.8) == pytest.approx(0.8)       # the whole range: the level itself


def test_pit_coverage_is_nominal_for_a_discrete_share_where_interval_coverage_is_not():
    rng = np.random.default_rng(8)
    p = rng.uniform(0.5, 0.95, size=1000)
    outcomes = rng.binomial(2, p) / 2   # shares of raids of two missiles: 0, 1/2 or 1
    for level in (0.5, 0.8, 0.9):
        pit = np.mean([pit_coverage(*pit_range(rng.binomial(2, q, size=400) / 2, y), level) for q, y in zip(p, outcomes)])
        plain = np.mean([covered(rng.binomial(2, q, size=400) / 2, y, level) for q, y in zip(p, outcomes)])
        assert abs(pit - level) <= 0.04, (level, pit)
        assert plain >= level + 0.08, (level, plain)   # 0.88, 0.97, 0.99: intervals ending on an atom over-cover
