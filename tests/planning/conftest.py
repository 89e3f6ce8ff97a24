"""Tiny hand-built scenarios for the planning tests."""

import pytest

TWO_CITIES = """
name: two-cities
description: two cities, one far more valuable and threatened; one IRIS-T SLM misplaced at the small one
theatre: {name: test, centre_lat: 49.0, centre_lon: 32.0, radius_km: 800}
assets:
  - {name: Alpha, lat: 49.0, lon: 31.0, value: 1000, radius_km: 2}
  - {name: Beta, lat: 49.0, lon: 33.5, value: 10, radius_km: 2}
fire_units:
  - {name: iris-1, type: iris-t-slm, lat: 49.0, lon: 33.45}
network: {linked: true}
raid:
  name: test raid
  waves:
    - {threat: shahed-136, count: 16, launch: {lat: 51.0, lon: 32.0, radius_km: 10}, start_min: 0, duration_min: 30, targets: [Alpha]}
    - {threat: shahed-136, count: 2, launch: {lat: 51.0, lon: 32.0, radius_km: 10}, start_min: 0, duration_min: 30, targets: [Beta]}
run: {seed: 1, replications: 4}
"""


@pytest.fixture
def two_cities(tmp_path):
    path = tmp_path / "two-cities.yaml"
    path.write_text(TWO_CITIES)
    return path
