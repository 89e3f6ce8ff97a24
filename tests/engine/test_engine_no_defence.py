"""With no fire units and no EW, everything that does not fail on its own impacts."""

from airshield.engine import run_replication
from engine_testkit import check_conservation, scenario_text
from airshield.world import load_world


def test_undefended_raid_all_impact_or_fail():
    waves = [
        {"threat": "shahed-136", "count": 30, "launch": "kursk", "start_min": 0, "duration_min": 60},
        {"threat": "gerbera", "count": 10, "launch": "bryansk", "start_min": 0, "duration_min": 30},
        {"threat": "kh-101", "count": 4, "launch": "engels-bombers", "start_min": 60, "duration_min": 10},
        {"threat": "iskander-m", "count": 3, "launch": "bryansk", "start_min": 120, "duration_min": 5},
    ]
    text = scenario_text(waves=waves, centre=(50.45, 30.52), radius_km=1800,
                         assets=[{"name": "Kyiv"}, {"name": "Brovary"}],
                         sensors=[{"name": "radar", "type": "surveillance-radar", "lat": 50.8, "lon": 30.6}])
    world = load_world(text=text)
    assert len(world.units.name) == 0 and len(world.ew.name) == 0
    for seed in range(3):
        log = run_replication(world, seed)
        counts = check_conservation(world, log)
        launched, failed = counts["launch"], counts.get("failure", 0)
        assert launched == 47
        assert counts.get("impact", 0) == launched - failed
        for kind in ("engage", "kill", "miss", "ew_loss"):
            assert counts.get(kind, 0) == 0
