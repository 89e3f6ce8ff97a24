"""Shared helpers of the engine tests: scenario YAML builders and EventLog invariant checks."""

from __future__ import annotations

import numpy as np
import pandas as pd
import yaml

from airshield.world import load_world
from airshield.world import World

TERMINAL = ("kill", "ew_loss", "failure", "impact", "in_flight", "returned")

# A quiet strip along the 31E meridian: launches in the south, the asset in the north.
CENTRE = (50.0, 31.0)
LON = 31.0


def scenario_text(*, waves: list[dict], assets: list[dict] | None = None, sensors: list[dict] | None = None,
                  fire_units: list[dict] | None = None, ew_zones: list[dict] | None = None,
                  catalogue: dict | None = None, linked: bool = True, name: str = "engine-test",
                  centre: tuple[float, float] = CENTRE, radius_km: float = 600, **extra) -> str:
    """Scenario YAML (a dict dumped with yaml.safe_dump) with a theatre centred near the action."""
    data = {
        "name": name,
        "theatre": {"name": "test strip", "centre_lat": centre[0], "centre_lon": centre[1], "radius_km": radius_km},
        "assets": assets or [{"name": "Target", "lat": 50.5, "lon": LON, "value": 100, "radius_km": 0.05}],
        "sensors": sensors or [],
        "fire_units": fire_units or [],
        "ew_zones": ew_zones or [],
        "network": {"linked": linked},
        "raid": {"name": "test raid", "waves": waves},
        **extra,
    }
    if catalogue:
        data["catalogue"] = catalogue
    return yaml.safe_dump(data, sort_keys=False)


def world_of(**kwargs) -> World:
    """The compiled World of :func:`scenario_text`."""
    return load_world(text=scenario_text(**kwargs))


def drone_wave(count: int = 1, lat: float = 49.5, duration_min: float = 0.0, threat: str = "shahed-136") -> dict:
    """A wave flying a direct route from a point launch (radius 0) on the meridian."""
    return {"threat": threat, "count": count, "launch": {"lat": lat, "lon": LON, "radius_km": 0},
            "start_min": 0, "duration_min": duration_min, "route": "direct"}


def watch_radar(lat: float = 50.0) -> dict:
    """A surveillance radar on the meridian (pair with :data:`SHARP_RADAR`)."""
    return {"name": "watch", "type": "surveillance-radar", "lat": lat, "lon": LON}


SHARP_RADAR = {"surveillance-radar": {"p_detect": 1.0, "scan_period_s": 1.0}}
STEADY_DRONE = {"shahed-136": {"failure_rate": 0, "altitude_spread_m": 0, "cep_m": 0}}


def engagement_intervals(log: pd.DataFrame) -> pd.DataFrame:
    """Each engagement with its unit, weapon, threat, start and end [s].

    The end is the time of its kill/miss, or the threat's end if the threat ended before. Several
    engagements of one threat may be in progress at once (layered fire at a threat with no second
    chance). Also asserts that every kill/miss answers an engagement of the same unit and weapon.
    """
    rows = []
    events = log[log["kind"].isin(["engage", "kill", "miss", "ew_loss", "failure", "impact", "in_flight"])]
    for threat, group in events.groupby("threat", sort=False):
        pending: list = []
        for ev in group.itertuples():
            if ev.kind == "engage":
                pending.append(ev)
                continue
            if ev.kind in ("kill", "miss"):
                match = [p for p in pending if (p.unit, p.weapon) == (ev.unit, ev.weapon)]
                assert match, f"{ev.kind} of threat {threat} at {ev.time} without an engagement"
                assert ev.time >= match[0].time
                pending.remove(match[0])
                rows.append((match[0].unit, match[0].weapon, threat, match[0].time, ev.time))
                if ev.kind == "miss":
                    continue
            ended = ev.time if ev.kind != "in_flight" else np.inf
            rows.extend((p.unit, p.weapon, threat, p.time, ended) for p in pending)
            pending = []
        # the threat outlived the run horizon: engagements never closed
        rows.extend((p.unit, p.weapon, threat, p.time, np.inf) for p in pending)
    return pd.DataFrame(rows, columns=["unit", "weapon", "threat", "start", "end"])


def max_concurrent(intervals: pd.DataFrame) -> pd.Series:
    """Largest number of engagements in progress at once, per unit (ends processed before starts)."""
    peak = {}
    for unit, group in intervals.groupby("unit"):
        marks = sorted([(t, 0) for t in group["end"]] + [(t, 1) for t in group["start"]])
        level = best = 0
        for _, is_start in marks:
            level += 1 if is_start else -1
            best = max(best, level)
        peak[unit] = best
    return pd.Series(peak, dtype=int)


def check_conservation(world: World, log: pd.DataFrame) -> dict[str, int]:
    """Assert the EventLog's conservation laws; return the counts of each kind."""
    counts = log["kind"].value_counts().to_dict()
    launches = log[log["kind"] == "launch"]
    assert len(launches) <= world.threat_count
    assert (launches["time"] <= world.horizon).all()
    assert launches["threat"].is_unique
    terminal = log[log["kind"].isin(TERMINAL)]
    assert terminal["threat"].is_unique, "a threat ended twice"
    assert counts["launch"] == sum(counts.get(k, 0) for k in TERMINAL), counts
    ends = terminal.set_index("threat")["time"]
    starts = launches.set_index("threat")["time"]
    assert (ends >= starts.reindex(ends.index) - 1e-9).all()
    # nothing happens to a threat after its end, except the damage its impact does
    later = log[log["kind"].isin(["detect", "engage", "kill", "miss"])]
    assert (later["time"].to_numpy() <= ends.reindex(later["threat"]).to_numpy() + 1e-9).all()
    damage = log[log["kind"] == "damage"]
    impacts = log[log["kind"] == "impact"]
    assert set(damage["threat"]) <= set(impacts["threat"])
    # rounds fired per weapon within what it holds
    engage = log[log["kind"] == "engage"]
    assert (engage["rounds"] > 0).all()
    fired = engage.groupby("weapon")["rounds"].sum()
    held = world.weapons.stock + world.weapons.magazine
    assert (fired.to_numpy() <= held[fired.index.to_numpy()]).all(), (fired, held)
    # no unit beyond its fire channels
    intervals = engagement_intervals(log)
    assert len(intervals) == len(engage)
    peak = max_concurrent(intervals)
    channels = world.units.fire_channels[peak.index.to_numpy()]
    assert (peak.to_numpy() <= channels).all(), (peak, channels)
    return counts
