"""The EventLog for people: positions as latitude and longitude, times as timestamps."""

from __future__ import annotations

import pandas as pd

from airshield.world import World


def placed_events(world: World, log: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``log`` with ``lat``, ``lon`` [deg] of each event's ``x``, ``y`` [m] (NaN where the
    event has no position) and ``timestamp``: the raid's start (``run.start``, UTC) + ``time`` [s]."""
    out = log.copy()
    lat, lon = world.projection.to_latlon(out["x"].to_numpy(), out["y"].to_numpy())
    out["lat"], out["lon"] = lat, lon
    out["timestamp"] = pd.Timestamp(world.run.start).tz_convert("UTC") + pd.to_timedelta(out["time"], unit="s")
    return out
