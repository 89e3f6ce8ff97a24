"""C2 decides on what it perceives: a decoy is engaged as the drone it imitates, and nothing C2
does depends on the true type when the perceived picture is the same."""

import pandas as pd

from airshield.engine import run_replication
from engine_testkit import LON, SHARP_RADAR, drone_wave, watch_radar, world_of

GEPARD_LAT = 49.9
TWIN = {"speed_kmh": 170, "cruise_altitude_m": 1000, "altitude_spread_m": 0, "rcs_m2": 0.01,
        "failure_rate": 0, "cep_m": 0}
CATALOGUE = {"threats": {"shahed-136": TWIN, "gerbera": TWIN}, "sensors": SHARP_RADAR,
             "effectors": {"gepard": {"munitions": {"35mm-burst": {"pk": {"drone": 0.5, "decoy": 0.5}}}}}}


def _world(types: tuple[str, str], count: int = 4):
    waves = [dict(drone_wave(count, lat=49.5, duration_min=2, threat=types[0])),
             dict(drone_wave(count, lat=49.45, duration_min=2, threat=types[1]))]
    return world_of(waves=waves, catalogue=CATALOGUE, sensors=[watch_radar(GEPARD_LAT)],
                    fire_units=[{"name": "gepard-1", "type": "gepard", "lat": GEPARD_LAT, "lon": LON}])


def test_decoys_alone_draw_fire_and_spend_rounds():
    world = world_of(waves=[drone_wave(5, threat="gerbera")], catalogue={"sensors": SHARP_RADAR},
                     sensors=[watch_radar(GEPARD_LAT)],
                     fire_units=[{"name": "gepard-1", "type": "gepard", "lat": GEPARD_LAT, "lon": LON}])
    log = run_replication(world, 1)
    engage = log[log["kind"] == "engage"]
    assert len(engage) >= 5 and engage["rounds"].sum() >= 5
    assert set(engage["threat_type"]) == {"gerbera"}
    assert (log["kind"] == "damage").sum() == 0   # decoys carry no warhead


def test_decoys_are_perceived_as_the_drones_they_imitate():
    world = _world(("shahed-136", "gerbera"))
    types = world.threat_types
    shahed, gerbera = types.key.index("shahed-136"), types.key.index("gerbera")
    assert types.perceived_class[gerbera] == types.perceived_class[shahed] == types.class_index[shahed]
    assert types.perceived_lethal_radius[gerbera] == types.lethal_radius[shahed] > types.lethal_radius[gerbera] == 0


def _engagements(log: pd.DataFrame) -> pd.DataFrame:
    columns = ["time", "kind", "threat", "unit", "weapon", "rounds"]
    return log.loc[log["kind"].isin(["engage", "kill", "miss"]), columns].reset_index(drop=True)


def test_swapping_true_types_under_the_same_picture_gives_the_same_engagements():
    for seed in range(4):
        a = run_replication(_world(("shahed-136", "gerbera")), seed)
        b = run_replication(_world(("gerbera", "shahed-136")), seed)
        assert len(_engagements(a)) > 0
        pd.testing.assert_frame_equal(_engagements(a), _engagements(b))
        # the truth still decides the damage: only armed drones that leak destroy value
        assert set(a.loc[a["kind"] == "damage", "threat_type"]) <= {"shahed-136"}
        assert set(b.loc[b["kind"] == "damage", "threat_type"]) <= {"shahed-136"}
