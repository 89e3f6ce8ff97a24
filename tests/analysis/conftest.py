"""A tiny World and a hand-made EventLog whose metrics are known by construction."""

from __future__ import annotations

import pandas as pd
import pytest

from airshield.world import load_world

SCENARIO = """
name: tiny
theatre: {centre_lat: 50.45, centre_lon: 30.52, radius_km: 800}
assets:
  - {name: A, lat: 50.45, lon: 30.52, value: 100}
  - {name: B, lat: 50.50, lon: 30.60, value: 10}
fire_units:
  - {name: gun-1, type: gepard, lat: 50.50, lon: 30.70}
  - {name: sam-1, type: iris-t-slm, lat: 50.40, lon: 30.40}
raid:
  waves:
    - {threat: shahed-136, count: 4, launch: kursk}
    - {threat: gerbera, count: 2, launch: kursk}
run: {seed: 3, replications: 2}
"""


@pytest.fixture(scope="session")
def tiny_world():
    return load_world(text=SCENARIO, file="tiny.yaml")


def event(kind: str, threat: int = -1, threat_type: str = "", *, unit: str = "", munition: str = "", rounds: int = 0,
          cost: float = 0.0, asset: int = -1, value: float = 0.0, time: float = 0.0) -> dict:
    return {"time": time, "kind": kind, "threat": threat, "unit": -1, "weapon": -1, "rounds": rounds,
            "cost_usd": cost, "x": 0.0, "y": 0.0, "z": 0.0, "asset": asset, "value": value,
            "threat_type": threat_type, "wave": 0, "unit_name": unit, "munition": munition}


@pytest.fixture(scope="session")
def hand_log() -> pd.DataFrame:
    """Six threats: shahed 0 destroyed (after a miss), 1 EW-lost, 2 leaked with damage at A and B,
    3 still flying; gerbera 4 failed, 5 leaked (harmless: no impact counted)."""
    rows = [event("launch", i, "shahed-136" if i < 4 else "gerbera", time=i) for i in range(6)]
    rows += [event("engage", 0, "shahed-136", unit="gun-1", munition="35mm-burst", rounds=2, cost=20_000, time=10),
             event("miss", 0, "shahed-136", time=11),
             event("engage", 0, "shahed-136", unit="sam-1", munition="iris-t", rounds=1, cost=430_000, time=12),
             event("kill", 0, "shahed-136", time=13),
             event("ew_loss", 1, "shahed-136", time=14),
             event("impact", 2, "shahed-136", time=15),
             event("damage", 2, "shahed-136", asset=0, value=7.5, time=15),
             event("damage", 2, "shahed-136", asset=1, value=0.25, time=15),
             event("in_flight", 3, "shahed-136", time=99),
             event("failure", 4, "gerbera", time=16),
             event("impact", 5, "gerbera", time=17)]
    table = pd.DataFrame(rows)
    table["kind"] = pd.Categorical(table["kind"])
    return table
