"""Intervals: t for means, cut to the range; Wilson for shares; never outside the range."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from airshield.analysis.stats import mean_interval, share_interval


def test_t_interval_is_wider_than_normal_for_few_values():
    values = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    low, high = mean_interval(values)
    half = 2.776 * values.std(ddof=1) / math.sqrt(5)  # t(0.975, 4)
    assert (low, high) == pytest.approx((3 - half, 3 + half), rel=1e-3)


def test_cut_at_zero_for_a_skewed_non_negative_quantity():
    low, high = mean_interval([0.0, 0.0, 0.0, 0.0, 0.27], lower=0.0)
    assert low == 0.0 and high > 0.054


def test_undefined_and_degenerate():
    assert all(math.isnan(v) for v in mean_interval([3.0]))
    assert mean_interval([2.0, 2.0, 2.0]) == [2.0, 2.0]
    assert all(math.isnan(v) for v in share_interval(0, 0))


def test_wilson_known_value():
    assert share_interval(0, 5) == pytest.approx([0.0, 0.4345], abs=1e-4)
    assert share_interval(5, 5) == pytest.approx([0.5655, 1.0], abs=1e-4)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=2, max_size=40))
def test_mean_interval_never_leaves_the_range(values):
    low, high = mean_interval(values, lower=0.0)
    mean = float(np.mean(values))
    assert 0.0 <= low <= high
    assert low <= mean * (1 + 1e-12) + 1e-12 and high >= mean * (1 - 1e-12) - 1e-12


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_share_interval_stays_in_zero_one(pair):
    successes, trials = pair
    low, high = share_interval(successes, trials)
    if trials == 0:
        assert math.isnan(low) and math.isnan(high)
    else:
        assert 0.0 <= low <= successes / trials <= high <= 1.0
