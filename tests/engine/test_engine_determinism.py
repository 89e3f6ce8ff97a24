"""Same seed, same EventLog; different seeds, different raids."""

import numpy as np
import pandas as pd
import pytest

from airshield.engine import run_replication
from airshield.world import load_world


@pytest.fixture(scope="module")
def kyiv_small():
    return load_world("kyiv-small")


def test_same_seed_gives_identical_log(kyiv_small):
    first = run_replication(kyiv_small, 42)
    second = run_replication(kyiv_small, 42)
    pd.testing.assert_frame_equal(first, second)


def test_seed_sequence_and_fresh_world_give_identical_log(kyiv_small):
    seq = np.random.SeedSequence(2024).spawn(3)[1]
    first = run_replication(kyiv_small, seq)
    again = run_replication(load_world("kyiv-small"), np.random.SeedSequence(2024).spawn(3)[1])
    pd.testing.assert_frame_equal(first, again)


def test_different_seeds_give_different_logs(kyiv_small):
    first = run_replication(kyiv_small, 1)
    second = run_replication(kyiv_small, 2)
    assert not first.equals(second)
    with pytest.raises(AssertionError):
        pd.testing.assert_frame_equal(first, second)
    launch_1 = first[first["kind"] == "launch"].sort_values("threat")["time"].to_numpy()
    launch_2 = second[second["kind"] == "launch"].sort_values("threat")["time"].to_numpy()
    assert not np.allclose(launch_1, launch_2)
