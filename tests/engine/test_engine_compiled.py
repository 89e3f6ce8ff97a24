"""The compiled event loop and windows give the reference's EventLog, event for event."""

import pandas as pd
import pytest

from airshield.engine import run_replication
from airshield.runs.seeds import replication_seed
from airshield.world import load_world

CASES = [("kyiv-small", {}, range(3)), ("kyiv-small", {"doctrine.assigner": "cost-aware"}, range(2)),
         ("kyiv-small", {"doctrine.shoot_look_shoot": False, "run.horizon_h": 5.2}, range(2)),
         ("ukraine-national", {}, range(2))]


@pytest.mark.parametrize("name, overrides, seeds", CASES, ids=lambda v: str(v) if isinstance(v, str) else None)
def test_compiled_loop_equals_the_reference(name, overrides, seeds):
    fast = load_world(name, {**overrides, "run.engine.loop": "auto"})
    reference = load_world(name, {**overrides, "run.engine.loop": "reference"})
    for i in seeds:
        seed = replication_seed(5, i)
        pd.testing.assert_frame_equal(run_replication(fast, seed), run_replication(reference, seed), check_exact=True)


def test_sensor_mode_compiled_equals_the_reference():
    overrides = {"run.tracking": "sensors", "raid.waves[0].count": 12}
    fast = load_world("kyiv-small", {**overrides, "run.engine.loop": "auto"})
    reference = load_world("kyiv-small", {**overrides, "run.engine.loop": "reference"})
    seed = replication_seed(5, 0)
    pd.testing.assert_frame_equal(run_replication(fast, seed), run_replication(reference, seed), check_exact=True)


def test_wta_policies_run_on_the_reference_loop():
    from airshield.c2 import make_assigner
    from airshield.engine.compiled import compiled_available
    assert compiled_available(make_assigner("greedy", 0.0)) and compiled_available(make_assigner("cost-aware", 1.0))
    assert not compiled_available(make_assigner("wta", 0.0))
