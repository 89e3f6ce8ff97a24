"""Held intervals of firm track updates (sensor mode): a case worked by hand, and the compiled
pass equal to the numpy reference on random updates, in and out of time order."""

import numpy as np
import pytest

from airshield.engine.held import first_plots, first_plots_reference, held_intervals, held_intervals_compiled

HELD = (held_intervals, held_intervals_compiled)


@pytest.mark.parametrize("held", HELD)
def test_held_intervals_by_hand(held):
    # hold 30 s. Key 0: track 0 at 0, 10, 20 (one run 0-20), then 70 (50 s later: a new run);
    # track 1 at 15 and 40 (25 s apart: one run 15-40), overlapping 0-20, so key 0 is held 0-40
    # and 70-70. Key 2: track 0 at 5 and 40, 35 s apart: two runs. Key 1: no update.
    rows = [(0, 0, 0.0), (2, 0, 5.0), (0, 0, 10.0), (0, 1, 15.0), (0, 0, 20.0), (0, 1, 40.0), (2, 0, 40.0),
            (0, 0, 70.0)]
    key, track, time = (np.array(c) for c in zip(*rows))
    k, s, e = held(key, track, time, 30.0)
    assert k.tolist() == [0, 0, 2, 2]
    assert s.tolist() == [0.0, 70.0, 5.0, 40.0]
    assert e.tolist() == [40.0, 70.0, 5.0, 40.0]


def test_a_gap_of_exactly_hold_joins():
    for held in HELD:
        k, s, e = held(np.array([0, 0]), np.array([3, 3]), np.array([0.0, 30.0]), 30.0)
        assert (k.tolist(), s.tolist(), e.tolist()) == ([0], [0.0], [30.0])


@pytest.mark.parametrize("ordered", [True, False])
def test_compiled_equals_numpy_on_random_updates(ordered):
    rng = np.random.default_rng(3)
    n = 20_000
    key, track = rng.integers(0, 40, n), rng.integers(0, 300, n)
    time = rng.choice(np.arange(0.0, 40_000.0, 2.0), n)
    if ordered:
        time = np.sort(time)
    for hold in (0.0, 30.0, 500.0):
        ref, fast = held_intervals(key, track, time, hold), held_intervals_compiled(key, track, time, hold)
        for a, b in zip(ref, fast):
            assert a.dtype == b.dtype and np.array_equal(a, b)


def test_empty_updates():
    for held in HELD:
        k, s, e = held(np.zeros(0, int), np.zeros(0, int), np.zeros(0), 30.0)
        assert len(k) == len(s) == len(e) == 0


@pytest.mark.parametrize("first_plots", [first_plots, first_plots_reference])
def test_first_plots_take_each_threats_first_row(first_plots):
    truth = np.array([-1, 2, 0, 2, -1, 0])
    time = np.array([1.0, 2.0, 2.0, 3.0, 4.0, 5.0])
    sensor = np.array([7, 1, 4, 5, 6, 2])
    first, which = first_plots(truth, time, sensor, 4)
    assert np.array_equal(first, [2.0, np.nan, 2.0, np.nan], equal_nan=True)
    assert which.tolist() == [4, -1, 1, -1]
