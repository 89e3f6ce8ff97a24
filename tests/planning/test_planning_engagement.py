"""The attacker surrogate's engagement windows: shoot-look-shoot gives a unit several tries at a threat
crossing its envelope, never more than the window allows, and shared threats split the rounds."""

import dataclasses

import numpy as np

from airshield.planning.attack.engagement import MAX_ENGAGEMENTS, unit_engagements
from airshield.planning.coverage import sample_raid
from airshield.runs.seeds import replication_seed
from airshield.world import load_world


def _engagements(world):
    draws, flights, fates = sample_raid(world, replication_seed(world.run.seed, 0))
    return unit_engagements(world, draws, flights, fates)


def test_shoot_look_shoot_gives_more_tries_within_bounds(two_cities):
    world = load_world(two_cities)
    p_sls, rounds_sls = _engagements(world)
    once = dataclasses.replace(world, doctrine=dataclasses.replace(world.doctrine, shoot_look_shoot=False))
    p_one, rounds_one = _engagements(once)
    assert p_sls.shape == p_one.shape == (int(world.waves.count.sum()), len(world.units.name))
    assert ((0 <= p_sls) & (p_sls <= 1)).all() and (rounds_sls >= 0).all()
    assert (p_sls >= p_one - 1e-12).all() and ((p_sls > 0) == (p_one > 0)).all()
    salvo = world.doctrine.salvo.max()
    assert (rounds_sls <= MAX_ENGAGEMENTS * salvo + 1e-9).all()
    assert (rounds_one[p_one > 0] <= salvo + 1e-9).all()


def test_two_units_on_one_threat_split_the_rounds(two_cities, tmp_path):
    one = load_world(two_cities)
    text = two_cities.read_text().replace(
        "  - {name: iris-1, type: iris-t-slm, lat: 49.0, lon: 33.45}\n",
        "  - {name: iris-1, type: iris-t-slm, lat: 49.0, lon: 33.45}\n"
        "  - {name: iris-2, type: iris-t-slm, lat: 49.0, lon: 33.45}\n")
    (tmp_path / "two-units.yaml").write_text(text)
    two = load_world(tmp_path / "two-units.yaml")
    p1, r1 = _engagements(one)
    p2, r2 = _engagements(two)
    shared = p1[:, 0] > 0
    assert shared.any()
    assert np.allclose(p2[:, 0], p1[:, 0]) and np.allclose(p2[:, 1], p1[:, 0])
    assert np.allclose(r2[shared, 0], r1[shared, 0] / 2) and np.allclose(r2[shared, 1], r1[shared, 0] / 2)
