"""Same seed, same numbers: for any worker count, backend, and order of completion."""

from __future__ import annotations

import numpy as np
import pytest

from airshield.analysis import to_row
from airshield.runs import RunOptions, make_backend, replication_seed, replication_seeds, run_monte_carlo
from airshield.world import load_world


@pytest.fixture(scope="module")
def world():
    return load_world("kyiv-small")


def run_with(world, backend_name: str, workers: int, replications: int = 6):
    backend = make_backend(backend_name, workers)
    try:
        return run_monte_carlo(world, RunOptions(seed=11, replications=replications), backend=backend)
    finally:
        backend.close()


def test_seed_of_replication_i_does_not_depend_on_the_count():
    spawned = np.random.SeedSequence(5).spawn(7)
    assert replication_seed(5, 3).generate_state(4).tolist() == spawned[3].generate_state(4).tolist()
    assert [s.spawn_key for s in replication_seeds(5, 3)] == [(0,), (1,), (2,)]


def test_one_and_two_workers_identical(world):
    one, two = run_with(world, "local", 1), run_with(world, "local", 2)
    assert one.summary == two.summary
    assert [to_row(m) for m in one.metrics] == [to_row(m) for m in two.metrics]


def test_ray_equals_local(world):
    pytest.importorskip("ray")
    local, ray = run_with(world, "local", 1, 4), run_with(world, "ray", 2, 4)
    assert local.summary == ray.summary


def test_different_seeds_differ(world):
    a = run_monte_carlo(world, RunOptions(seed=1, replications=3))
    b = run_monte_carlo(world, RunOptions(seed=2, replications=3))
    assert a.summary != b.summary


def test_out_of_order_results_fold_in_order(world):
    class Reversed:
        name, workers = "reversed", 1

        def run(self, world, seed, indices, keep_events):
            from airshield.runs.task import simulate_chunk
            return reversed(simulate_chunk(world, seed, list(indices), keep_events))

        def close(self):
            pass

    forward = run_monte_carlo(world, RunOptions(seed=3, replications=5))
    backward = run_monte_carlo(world, RunOptions(seed=3, replications=5), backend=Reversed())
    assert forward.summary == backward.summary
