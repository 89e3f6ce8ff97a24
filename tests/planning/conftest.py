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


TWO_BY_TWO = """
name: two-by-two
description: 2 threat types x 2 launch areas x 2 targets, a raid small enough to try every allocation
theatre: {name: test, centre_lat: 49.5, centre_lon: 32.0, radius_km: 800}
assets:
  - {name: Alpha, lat: 49.0, lon: 31.0, value: 1000, radius_km: 1}
  - {name: Beta, lat: 49.0, lon: 33.0, value: 600, radius_km: 1}
fire_units:
  - {name: iris-a, type: iris-t-slm, lat: 49.05, lon: 31.0}
network: {linked: true}
raid:
  name: test raid
  waves:
    - {threat: shahed-136, count: 2, launch: {lat: 50.8, lon: 31.0, radius_km: 5}, duration_min: 20, targets: [Alpha]}
    - {threat: kh-101, count: 1, launch: {lat: 50.8, lon: 33.5, radius_km: 5}, duration_min: 5, targets: [Alpha]}
attacker:
  inventory: {shahed-136: 2, kh-101: 1}
  launch_sites:
    - {launch: {lat: 50.8, lon: 31.0, radius_km: 5}, capacity: 2}
    - {launch: {lat: 50.8, lon: 33.5, radius_km: 5}, capacity: 1}
  source: "assumption: a test case"
run: {seed: 1, replications: 4}
"""


@pytest.fixture
def two_by_two(tmp_path):
    path = tmp_path / "two-by-two.yaml"
    path.write_text(TWO_BY_TWO)
    return path


TWO_TARGETS = """
name: two-targets
description: the raid aims at Alpha only, but the attacker may send it to Beta; two IRIS-T SLM to place
theatre: {name: test, centre_lat: 49.5, centre_lon: 32.25, radius_km: 800}
assets:
  - {name: Alpha, lat: 49.0, lon: 31.0, value: 1000, radius_km: 2}
  - {name: Beta, lat: 49.0, lon: 33.5, value: 800, radius_km: 2}
fire_units:
  - {name: iris-1, type: iris-t-slm, lat: 49.0, lon: 31.05}
  - {name: iris-2, type: iris-t-slm, lat: 49.05, lon: 31.0}
network: {linked: true}
raid:
  name: test raid
  waves:
    - {threat: shahed-136, count: 12, launch: {lat: 51.0, lon: 32.25, radius_km: 10}, duration_min: 30, targets: [Alpha]}
attacker:
  inventory: {shahed-136: 12}
  launch_sites: [{launch: {lat: 51.0, lon: 32.25, radius_km: 10}, capacity: 12}]
  source: "assumption: a test case"
run: {seed: 1, replications: 4}
"""


@pytest.fixture
def two_targets(tmp_path):
    path = tmp_path / "two-targets.yaml"
    path.write_text(TWO_TARGETS)
    return path
