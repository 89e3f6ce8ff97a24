"""Limited rounds cap kills; ample capacity with pk = 1 lets nothing through."""

import pytest

from airshield.engine import run_replication
from engine_testkit import LON, SHARP_RADAR, STEADY_DRONE, check_conservation, drone_wave, watch_radar, world_of

N_ROUNDS = 4


def _lone_gepard(pk: float | None):
    effectors = {"gepard": {"munitions": {"35mm-burst": {"pk": {"drone": pk}}}}} if pk is not None else {}
    catalogue = {"threats": STEADY_DRONE, "sensors": SHARP_RADAR}
    if effectors:
        catalogue["effectors"] = effectors
    gepard = {"name": "gepard-1", "type": "gepard", "lat": 49.9, "lon": LON,
              "stock": {"35mm-burst": N_ROUNDS}, "magazine": {"35mm-burst": 0}}
    return world_of(waves=[drone_wave(N_ROUNDS + 5, duration_min=40)], catalogue=catalogue,
                    sensors=[watch_radar(49.9)], fire_units=[gepard])


@pytest.mark.parametrize("pk", [None, 1.0])
def test_gepard_with_n_rounds_kills_at_most_n(pk):
    world = _lone_gepard(pk)
    assert world.weapons.stock.tolist() == [N_ROUNDS] and world.weapons.magazine.tolist() == [0]
    for seed in range(3):
        log = run_replication(world, seed)
        check_conservation(world, log)
        kills = (log["kind"] == "kill").sum()
        assert kills <= N_ROUNDS
        assert log.loc[log["kind"] == "engage", "rounds"].sum() <= N_ROUNDS
        assert (log["kind"] == "impact").sum() >= 5
        if pk == 1.0:
            assert kills == N_ROUNDS   # every round spent, every round a kill


def test_pk_one_and_ample_capacity_lets_nothing_through():
    catalogue = {"threats": STEADY_DRONE, "sensors": SHARP_RADAR,
                 "effectors": {"gepard": {"fire_channels": 4, "rounds_per_launcher": 100,
                                          "munitions": {"35mm-burst": {"pk": {"drone": 1.0}}}}}}
    gepards = [{"name": f"gepard-{i}", "type": "gepard", "lat": lat, "lon": LON}
               for i, lat in enumerate((49.8, 49.9, 50.0))]
    world = world_of(waves=[drone_wave(20, duration_min=20)], catalogue=catalogue,
                     sensors=[watch_radar(49.9)], fire_units=gepards)
    assert world.units.fire_channels.tolist() == [4, 4, 4]
    for seed in range(2):
        log = run_replication(world, seed)
        counts = check_conservation(world, log)
        assert counts.get("impact", 0) == 0
        assert counts.get("kill", 0) == 20
        assert counts.get("miss", 0) == 0
