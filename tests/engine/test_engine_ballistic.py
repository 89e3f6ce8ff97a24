"""Ballistic missiles: only units with a ballistic pk (Patriot) engage them."""

import numpy as np
import pandas as pd

from airshield.catalogue import THREAT_CLASSES
from airshield.engine import run_replication
from engine_testkit import LON, world_of

SEEDS = range(4)


def _world(unit_type: str, threat: str = "iskander-m", failure: float = 0.0):
    wave = {"threat": threat, "count": 2, "launch": {"lat": 48.5, "lon": LON, "radius_km": 0},
            "start_min": 0, "duration_min": 1, "route": "direct"}
    catalogue = {"threats": {threat: {"failure_rate": failure}}}
    return world_of(waves=[wave], catalogue=catalogue,
                    fire_units=[{"name": "defender", "type": unit_type, "lat": 50.45, "lon": LON}])


def test_nasams_has_no_ballistic_pk():
    world = _world("nasams")
    ballistic = THREAT_CLASSES.index("ballistic")
    assert (world.weapons.pk[:, ballistic] == 0).all()
    assert not world.weapons.allowed[:, ballistic].any()


def test_nasams_never_engages_a_ballistic_missile():
    world = _world("nasams")
    for seed in SEEDS:
        log = run_replication(world, seed)
        assert not log["kind"].isin(["engage", "kill", "miss"]).any()
        assert (log["kind"] == "impact").sum() == 2


def test_same_nasams_does_engage_a_cruise_missile_on_that_line():
    """So the ballistic result is about capability, not geometry."""
    world = _world("nasams", threat="kh-101")
    engaged = sum((run_replication(world, seed)["kind"] == "engage").sum() for seed in SEEDS)
    assert engaged > 0


def test_patriot_engages_a_ballistic_missile():
    world = _world("patriot")
    engages = []
    for seed in SEEDS:
        log = run_replication(world, seed)
        engages.append(log[log["kind"] == "engage"])
    engage = pd.concat(engages)
    assert len(engage) > 0
    assert set(engage["unit_name"]) == {"defender"}
    assert (engage["rounds"] == 2).all()   # default doctrine: salvo of 2 against ballistic
    ballistic = THREAT_CLASSES.index("ballistic")
    munitions = set(engage["munition"])
    rows = [world.weapons.munition.index(m) for m in munitions]
    assert (world.weapons.pk[rows, ballistic] > 0).all()
    assert np.isin(engage["threat_type"], ["iskander-m"]).all()
