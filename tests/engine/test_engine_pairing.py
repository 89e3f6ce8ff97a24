"""Common random numbers per threat: two defences compared on the same seed differ only by what
the defences did."""

import copy

import numpy as np
import pandas as pd
import pytest

from airshield.analysis import replication_metrics
from airshield.engine import run_replication
from airshield.engine.streams import ThreatStreams
from airshield.runs.seeds import replication_seed
from airshield.scenario import compose
from airshield.world import compile_world
from engine_testkit import LON, SHARP_RADAR, STEADY_DRONE, drone_wave, watch_radar, world_of


def _doubled(name: str):
    base = compose(name)
    document = copy.deepcopy(base.document)
    document["fire_units"] = document["fire_units"] + [dict(u, name=u["name"] + "-b") for u in document["fire_units"]]
    return compile_world(base), compile_world(compose(document, file=f"{name} doubled"))


def test_doubling_every_fire_unit_never_raises_value_lost_on_paired_seeds():
    single, double = _doubled("kyiv-small")
    saved = []
    for i in range(30):
        seed = replication_seed(11, i)
        a = replication_metrics(single, run_replication(single, seed)).value_lost
        b = replication_metrics(double, run_replication(double, seed)).value_lost
        assert b <= a + 1e-9, f"replication {i}: doubled defence lost {b} > {a}"
        saved.append(a - b)
    assert np.mean(saved) >= 0


def test_a_unit_that_never_engages_changes_nothing_else():
    # a far-away gun (never in range) appended to the laydown: every other event is the same
    waves = [drone_wave(6, duration_min=5)]
    units = [{"name": "gepard-1", "type": "gepard", "lat": 49.9, "lon": LON}]
    far = {"name": "gepard-far", "type": "gepard", "lat": 49.9, "lon": LON + 4.0}
    kw = dict(waves=waves, catalogue={"threats": STEADY_DRONE, "sensors": SHARP_RADAR}, sensors=[watch_radar(49.9)])
    for seed in range(3):
        a = run_replication(world_of(fire_units=units, **kw), seed)
        b = run_replication(world_of(fire_units=units + [far], **kw), seed)
        assert (b["unit_name"] != "gepard-far").all()
        columns = ["time", "kind", "threat", "unit", "weapon", "rounds", "x", "y", "z", "asset", "value"]
        pd.testing.assert_frame_equal(a[columns], b[columns])


def test_streams_are_uniform_independent_and_reproducible():
    s = ThreatStreams.of(np.random.SeedSequence(5, spawn_key=(0,)))
    u = s.uniform("kill", np.arange(20_000))
    assert 0 <= u.min() and u.max() < 1 and abs(u.mean() - 0.5) < 0.01
    v = s.uniform("kill", np.arange(20_000), 1)
    assert abs(np.corrcoef(u, v)[0, 1]) < 0.03
    assert np.array_equal(u, ThreatStreams.of(np.random.SeedSequence(5, spawn_key=(0,))).uniform("kill", np.arange(20_000)))
    other = ThreatStreams.of(np.random.SeedSequence(5, spawn_key=(1,))).uniform("kill", np.arange(20_000))
    assert abs(np.corrcoef(u, other)[0, 1]) < 0.03
    g = s.geometric("scan_count", np.arange(20_000), 0, np.full(20_000, 0.25))
    assert g.min() >= 1 and abs(g.mean() - 4.0) < 0.15


def test_kill_draws_keep_the_conditional_kill_probability():
    # one threat, luck L uniform: after intercepts with p1, p2 the kill at the second given
    # survival of the first happens with probability p2 (checked over many replication keys)
    p1, p2 = 0.3, 0.6
    luck = np.concatenate([ThreatStreams(k).uniform("kill", np.arange(500)) for k in range(40)])
    first = luck >= 1 - p1
    second = ~first & (luck >= (1 - p1) * (1 - p2))
    assert abs(first.mean() - p1) < 0.02
    assert abs(second.sum() / (~first).sum() - p2) < 0.02
