"""Every interval a run reports stays inside its quantity's range, over seeds and replication
counts (the API's results, as `airshield run kyiv-small -n N --json` prints them)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

import airshield
from airshield.world import load_world

WORLD = load_world("kyiv-small", {"raid.waves[0].count": 12, "raid.waves[1].count": 4})


@settings(max_examples=5, deadline=None, suppress_health_check=list(HealthCheck))
@given(seed=st.integers(0, 2**32 - 1), replications=st.integers(2, 5))
def test_run_intervals_stay_in_range(seed, replications):
    data = airshield.run(WORLD, seed=seed, replications=replications, progress=False).to_dict()
    value = data["value_lost"]
    low, high = value["ci95"]
    assert 0.0 <= low <= value["mean"] <= high
    assert value["n"] == replications and "t interval" in value["method"]
    share = data["shares"]["any_impact"]
    assert 0.0 <= share["ci95"][0] <= share["mean"] <= share["ci95"][1] <= 1.0
    assert all(v >= 0 for v in data["totals"].values())
