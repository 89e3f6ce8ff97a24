"""The results store: complete runs, interrupted runs, resume to identical results, queries."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import airshield
from airshield.errors import InputError
from airshield.runs import RunOptions, RunStore, all_metrics, list_runs, run_monte_carlo
from airshield.runs.backends.local import SerialBackend
from airshield.runs.session import resume_run, run_world
from airshield.world import load_world


@pytest.fixture(scope="module")
def world():
    return load_world("kyiv-small")


class Interrupted(Exception):
    pass


class StopsAfter(SerialBackend):
    """A backend that dies after ``limit`` replications, like a killed run."""

    def __init__(self, limit: int):
        self.limit = limit

    def run(self, world, seed, indices, keep_events):
        for count, result in enumerate(super().run(world, seed, indices, keep_events)):
            if count == self.limit:
                raise Interrupted
            yield result


def test_stored_run_layout_and_query(world, tmp_path):
    result = run_world(world, RunOptions(seed=4, replications=3, out=tmp_path, keep_events=True))
    store = result.store
    assert store.meta()["status"] == "complete"
    assert (store.dir / "scenario.yaml").is_file() and (store.dir / "summary.json").is_file()
    assert list(store.metrics()["replication"]) == [0, 1, 2]
    assert len(store.events(1)) > 0
    table = all_metrics(tmp_path)
    assert set(table["run"]) == {store.dir.name} and len(table) == 3
    assert json.loads((store.dir / "summary.json").read_text())["value_lost"] == result.summary.value_lost.to_dict()
    reloaded = airshield.load_world(store.dir / "scenario.yaml")
    assert reloaded.threat_count == world.threat_count


def test_interrupted_run_resumes_to_identical_results(world, tmp_path):
    whole = run_monte_carlo(world, RunOptions(seed=9, replications=7))
    store = RunStore.create(tmp_path, "cut", {"seed": 9, "replications_requested": 7, "scenario": "kyiv-small"},
                            _resolved(world))
    with pytest.raises(Interrupted):
        run_monte_carlo(world, RunOptions(seed=9, replications=7), backend=StopsAfter(4), store=store, flush_rows=2)
    assert store.meta()["status"] == "incomplete"
    assert 0 < len(store.metrics()) < 7
    resumed = resume_run(store.dir)
    assert resumed.summary == whole.summary
    assert RunStore.open(store.dir).meta()["status"] == "complete"


def test_killed_process_leaves_a_resumable_run(tmp_path):
    code = (
        "from airshield.world import load_world\n"
        "from airshield.runs import RunOptions, RunStore, run_monte_carlo\n"
        f"store = RunStore.create(r'{tmp_path}', 'killed', {{'seed': 2, 'replications_requested': 400}}, {{}})\n"
        "run_monte_carlo(load_world('kyiv-small'), RunOptions(seed=2, replications=400), store=store, flush_rows=1)\n")
    process = subprocess.Popen([sys.executable, "-c", code])
    try:
        deadline = time.time() + 60
        while time.time() < deadline and len(list(tmp_path.glob("*/metrics/part-*.parquet"))) < 3:
            time.sleep(0.2)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    (run_dir,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    store = RunStore.open(run_dir)
    assert store.meta()["status"] == "incomplete"
    done = len(store.metrics())
    assert 3 <= done < 400
    assert not list(run_dir.rglob("*.tmp")) or all(p.name.startswith(".") for p in run_dir.rglob("*.tmp"))


def test_resume_of_complete_run_is_refused(world, tmp_path):
    result = run_world(world, RunOptions(seed=1, replications=2, out=tmp_path))
    with pytest.raises(InputError, match="complete already"):
        resume_run(result.store.dir)


def test_not_writable_out_is_a_clear_error(world, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError) as error:
        run_world(world, RunOptions(seed=1, replications=1, out=blocker))
    assert "--out" in str(error.value)


def test_list_runs(world, tmp_path):
    run_world(world, RunOptions(seed=1, replications=1, out=tmp_path))
    run_world(world, RunOptions(seed=2, replications=1, out=tmp_path))
    assert len(list_runs(tmp_path)) == 2


def _resolved(world):
    return dict(world.document)


if os.name != "posix":  # pragma: no cover
    pytest.skip("signals", allow_module_level=True)
