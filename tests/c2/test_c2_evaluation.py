"""Threat evaluation from the track: aim point, value at risk, decoy belief."""

from __future__ import annotations

import numpy as np
import pytest

from airshield.c2 import evaluate_threats
from airshield.world import load_world


@pytest.fixture(scope="module")
def world():
    return load_world("kyiv-small")


def test_heading_at_an_asset_makes_it_the_aim(world):
    a = world.assets
    kyiv = a.name.index("Kyiv")
    start = np.array([[a.x[kyiv] + 50_000.0, a.y[kyiv] + 50_000.0, 100.0]])
    velocity = np.array([[a.x[kyiv] - start[0, 0], a.y[kyiv] - start[0, 1], 0.0]]) / 1000.0
    result = evaluate_threats(world, np.array([0]), np.array([50.0]), start, velocity, 0.0)
    assert result.aim[0] == kyiv
    assert result.value[0] > 0 and result.std[0] >= 0
    assert result.time_to_go[0] == pytest.approx(np.hypot(50_000, 50_000) / np.linalg.norm(velocity), rel=1e-6)


def test_flying_away_puts_nothing_at_risk(world):
    a = world.assets
    start = np.array([[a.x.mean() + 300_000.0, a.y.mean(), 100.0]])
    away = np.array([[50.0, 0.0, 0.0]])
    result = evaluate_threats(world, np.array([0]), np.array([50.0]), start, away, 0.0)
    assert result.value[0] == pytest.approx(0.0, abs=1e-9) or result.value[0] < 1e-3


def test_decoy_belief_lowers_drone_value_not_missile_value(world):
    a = world.assets
    start = np.array([[a.x[0] + 40_000.0, a.y[0], 100.0]] * 2)
    velocity = np.array([[-50.0, 0.0, 0.0]] * 2)
    classes = np.array([0, 3])  # drone, cruise
    plain = evaluate_threats(world, classes, np.array([50.0, 50.0]), start, velocity, 0.0)
    doubt = evaluate_threats(world, classes, np.array([50.0, 50.0]), start, velocity, 0.4)
    assert doubt.value[0] == pytest.approx(0.6 * plain.value[0])
    assert doubt.value[1] == pytest.approx(plain.value[1])
