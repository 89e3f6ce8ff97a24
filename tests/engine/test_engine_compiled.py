"""The compiled event loop and windows give the reference's EventLog, event for event."""

import pandas as pd
import pytest

from airshield.engine import run_replication
from airshield.runs.seeds import replication_seed
from airshield.world import load_world

CASES = [("kyiv-small", {}, range(3)), ("kyiv-small", {"doctrine.assigner": "cost-aware"}, range(2)),
         ("kyiv-small", {"doctrine.shoot_look_shoot": False, "run.horizon_h": 5.2}, range(2)),
         ("ukraine-national", {}, range(2)), ("front-kharkiv-sam", {}, range(2)),
         ("front-kharkiv-ambush", {}, range(2))]


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


def test_carrier_raid_compiled_equals_the_reference():
    """Sorties, releases, a carrier shot down before releasing (its bombs cancelled) and bombs pushed
    out of reach, on both loops."""
    from engine_testkit import LON, scenario_text

    def wave(count, lat):
        return {"threat": "fab-500-umpk", "count": count, "launch": {"lat": 50.05, "lon": LON, "radius_km": 15},
                "start_min": 0, "duration_min": 30, "carrier": {"type": "su-34", "base": {"lat": lat, "lon": LON}}}

    units = [{"name": "ambush", "type": "patriot", "lat": 50.45, "lon": LON, "known_to_attacker": False,
              "stock": {"pac-2-gem-t": 2, "pac-3-mse": 6}},
             {"name": "known", "type": "samp-t", "lat": 51.2, "lon": LON + 1.5}]
    text = scenario_text(waves=[wave(10, 48.8), wave(6, 49.0)], fire_units=units,
                         sensors=[{"name": "watch", "type": "surveillance-radar", "lat": 50.4, "lon": LON}])
    for doctrine in ({}, {"doctrine.assigner": "cost-aware"}):
        fast = load_world(text=text, overrides={**doctrine, "run.engine.loop": "auto"})
        reference = load_world(text=text, overrides={**doctrine, "run.engine.loop": "reference"})
        for i in range(3):
            seed = replication_seed(7, i)
            pd.testing.assert_frame_equal(run_replication(fast, seed), run_replication(reference, seed),
                                          check_exact=True)
