"""Per-raid simulations: the reporting map, the disk cache, and raids run on worker processes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from airshield.catalogue import load_catalogue
from airshield.history.forecast.dated import dated_defence
from airshield.history.forecast.simulate import SimTask, reported_counts, simulate_raids
from airshield.history.replay import load_laydown
from airshield.history.spec import RaidSpec, SpecRow
from airshield.runs.backends import open_backend


def _tasks(count: int) -> list[SimTask]:
    defence = dated_defence(load_laydown("kyiv-small"), {"decoy_share": 0.3})
    specs = [RaidSpec(f"raid-{i}", pd.Timestamp("2025-01-01") + pd.Timedelta(days=i), 8.0,
                      (SpecRow(("shahed-136",), "drone", 6 + 2 * i, ("kursk",), ()),)) for i in range(count)]
    return [SimTask(spec, defence, 2, 5) for spec in specs]


def test_decoys_that_reach_the_end_are_reported_lost():
    catalogue = load_catalogue()
    counts = reported_counts({"gerbera": {"launched": 10, "destroyed": 3, "ew_lost": 1, "failed": 1, "leaked": 5},
                              "shahed-136": {"launched": 10, "destroyed": 6, "ew_lost": 1, "failed": 1, "leaked": 2}},
                             catalogue)
    assert counts["drone"] == (20, 9, (1 + 1 + 5) + (1 + 1))


def test_cached_simulations_are_read_back(tmp_path):
    tasks = _tasks(2)
    first = simulate_raids(tasks, cache=tmp_path)
    assert len(list(tmp_path.glob("*.npz"))) == 2
    again = simulate_raids(tasks, cache=tmp_path)
    for key, sim in first.items():
        np.testing.assert_array_equal(sim.counts["drone"], again[key].counts["drone"])
        assert again[key].seconds == pytest.approx(sim.seconds)


def test_raids_on_workers_equal_raids_in_process():
    tasks = _tasks(3)
    here = simulate_raids(tasks)
    with open_backend("local", 2) as backend:
        there = simulate_raids(tasks, backend)
    assert list(there) == [t.spec.id for t in tasks]
    for key in here:
        np.testing.assert_array_equal(here[key].counts["drone"], there[key].counts["drone"])
