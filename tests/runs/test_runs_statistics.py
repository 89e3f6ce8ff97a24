"""Intervals: they narrow as 1/sqrt(N); --until-precision stops when narrow enough; memory stays flat."""

from __future__ import annotations

import numpy as np
import pytest

from airshield.runs import RunOptions, run_monte_carlo
from airshield.world import load_world


@pytest.fixture(scope="module")
def world():
    return load_world("kyiv-small")


def width(summary) -> float:
    low, high = summary.value_lost.ci95
    return high - low


def test_interval_narrows_like_one_over_sqrt_n(world):
    from airshield.analysis import mean_interval
    large = run_monte_carlo(world, RunOptions(seed=5, replications=40))
    values = np.array([m.value_lost for m in large.metrics])
    blocks = [np.subtract(*mean_interval(values[i:i + 10])[::-1]) for i in range(0, 40, 10)]
    ratio = np.mean(blocks) / width(large.summary)
    assert 1.4 < ratio < 2.8, ratio   # 1/sqrt(N) predicts 2 for 10 against 40 replications


def test_until_precision_adds_replications(world):
    result = run_monte_carlo(world, RunOptions(seed=5, replications=5, until_precision=0.8, max_replications=40))
    low, high = result.summary.value_lost.ci95
    mean = result.summary.value_lost.mean
    assert result.replications >= 5
    assert (high - low) / mean <= 0.8 or result.replications == 40


def test_metrics_are_not_kept_when_not_asked(world, tmp_path):
    from airshield.runs import RunStore
    store = RunStore.create(tmp_path, "lean", {"seed": 1}, {"name": "x"})
    result = run_monte_carlo(world, RunOptions(seed=1, replications=4), store=store, keep_in_memory=False)
    assert result.metrics == [] and result.event_logs == []
    assert len(store.metrics()) == 4
    assert np.isfinite(result.summary.value_lost.mean)
