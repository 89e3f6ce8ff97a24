"""compile_world and load_world on a small hand-written scenario: what the engine reads."""

from __future__ import annotations

import numpy as np
import pytest

from airshield.errors import InputError
from airshield.geo import LocalProjection
from airshield.vocabulary import class_index
from airshield.world import load_world

SCENARIO = """
name: hand-made
theatre: {centre_lat: 50.0, centre_lon: 30.0, radius_km: 900}
assets:
  - {name: centre, lat: 50.0, lon: 30.0, value: 50}
  - {name: north, lat: 50.1, lon: 30.0, value: 20, radius_km: 2}
fire_units:
  - {name: pat-1, type: patriot, lat: 50.05, lon: 30.2, stock: {pac-3-mse: 8}, magazine: {pac-2-gem-t: 4}}
raid:
  waves:
    - {threat: shahed-136, count: 5, launch: kursk}
    - {threat: gerbera, count: 3, launch: kursk, start_min: 10}
run: {seed: 4, replications: 3, horizon_h: 6, start: 2024-08-26T03:00:00+03:00}
"""


@pytest.fixture(scope="module")
def world():
    return load_world(text=SCENARIO, file="hand-made.yaml")


def test_positions_are_metres_of_the_scenario_projection(world):
    projection = LocalProjection(50.0, 30.0)
    assert world.assets.x[0] == pytest.approx(0.0, abs=1e-6) and world.assets.y[0] == pytest.approx(0.0, abs=1e-6)
    assert world.assets.y[1] == pytest.approx(11_120, rel=0.01) and abs(world.assets.x[1]) < 1.0
    x, y = projection.to_xy(50.05, 30.2)
    assert (world.units.x[0], world.units.y[0]) == pytest.approx((x, y))
    assert list(world.assets.value) == [50, 20] and world.assets.radius[1] == 2000.0


def test_weapon_rows_stocks_and_loads(world):
    weapons = world.weapons
    assert weapons.munition == ("pac-3-mse", "pac-2-gem-t") and list(weapons.unit) == [0, 0]
    assert list(weapons.stock) == [8, 0] and list(weapons.magazine) == [0, 4]
    assert weapons.load[0] == 8 and weapons.load[1] == 32  # an empty munition reloads its share of the launchers
    own = world.units.own_sensor[0]
    assert own >= 0 and world.sensors.name[own] == "pat-1/radar"


def test_a_decoy_is_perceived_as_the_drone_it_imitates(world):
    types = world.threat_types
    shahed, gerbera = types.key.index("shahed-136"), types.key.index("gerbera")
    assert types.class_index[gerbera] == class_index("decoy")
    assert types.perceived_class[gerbera] == types.class_index[shahed] == class_index("drone")
    assert types.perceived_cost[gerbera] >= types.unit_cost[shahed] > types.unit_cost[gerbera]
    assert bool(types.harmless[gerbera]) and not bool(types.harmless[shahed])
    assert list(world.waves.count) == [5, 3] and world.waves.start[1] == 600.0 and world.threat_count == 8


def test_run_spec_from_the_run_section_and_overrides(world):
    assert (world.run.seed, world.run.replications, world.horizon) == (4, 3, 6 * 3600.0)
    assert world.run.start.isoformat() == "2024-08-26T03:00:00+03:00"
    tuned = load_world(text=SCENARIO, file="hand-made.yaml",
                       overrides={"run.engine.c2_cycle_s": 4, "run.sensors.init_speed_sigma_kmh": 36,
                                  "run.tracking": "sensors"})
    assert tuned.run.engine.c2_cycle == 4.0 and tuned.run.sensors.init_speed_sigma == pytest.approx(10.0)
    assert tuned.run.tracking == "sensors" and world.run.engine.c2_cycle == 2.0


def test_load_world_with_overrides_changes_only_what_is_named(world):
    more = load_world(text=SCENARIO, file="hand-made.yaml", overrides={"raid.waves[0].count": 9})
    assert more.threat_count == 12 and np.array_equal(more.assets.x, world.assets.x)
    assert more.document["raid"]["waves"][0]["count"] == 9


@pytest.mark.parametrize("override, path", [
    ({"fire_units[0].type": "patriott"}, "fire_units[0].type"),
    ({"fire_units[0].stock": {"pac-3-mse": 100}}, "fire_units[0].stock"),
    ({"raid.waves[1].threat": "gerbra"}, "raid.waves[1].threat"),
    ({"run.engine.c2_cycle_s": -1}, "run.engine.c2_cycle_s"),
    ({"assets[1].lat": -40.0}, "assets[1]"),
])
def test_errors_name_the_file_and_field(override, path):
    with pytest.raises(InputError) as error:
        load_world(text=SCENARIO, file="hand-made.yaml", overrides=override)
    assert "hand-made.yaml" in str(error.value) and path in str(error.value)
