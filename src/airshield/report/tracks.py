"""Threat tracks rebuilt from one replication's EventLog.

A track is the piecewise-linear path through the events that carry the threat's position: its
launch point at launch time, the waypoints of its route (dog-legs, climb and dive, the points of a
ballistic arc, a carrier's sortie), then its positions at detect, engage, kill, miss, EW loss, failure,
impact, release and return. Between
two events the path is a straight line, which is what the engine flies between route vertices.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from airshield.errors import InputError
from airshield.geo.projection import LocalProjection
from airshield.runs.store import RunStore

TRACK_KINDS = ("launch", "waypoint", "detect", "engage", "kill", "miss", "ew_loss", "failure", "impact", "release",
               "returned")
FATES = ("kill", "ew_loss", "failure", "impact", "returned")
"""Events that end a threat's flight (``returned``: a carrier aircraft back at its base); a threat with
none is still airborne at the end."""
MARK_KINDS = ("engage", "kill", "miss", "ew_loss", "failure", "impact", "release")


@dataclass(frozen=True)
class Tracks:
    """``points``: threat, time [s], lon, lat [deg], z [m], sorted by threat then time (unique times).
    ``threats``: one row per threat: threat, threat_type, wave, fate, start, end [s].
    ``marks``: events drawn as points: time, kind, threat, lon, lat, unit_name, munition, threat_type.
    """

    points: pd.DataFrame
    threats: pd.DataFrame
    marks: pd.DataFrame

    @property
    def t_end(self) -> float:
        return float(self.threats["end"].max()) if len(self.threats) else 0.0


def events_of(store: RunStore, replication: int = 0) -> pd.DataFrame:
    """The stored EventLog of ``replication``, or an InputError saying how to keep events."""
    if not (store.dir / "events").is_dir():
        raise InputError("this run has no event logs", file=str(store.dir),
                         expected="a run stored with events", hint="run it again with: airshield run ... --keep-events")
    available = sorted(int(p.stem.split("-")[1]) for p in (store.dir / "events").glob("rep-*.parquet"))
    if replication not in available:
        raise InputError(f"no event log for replication {replication}", file=str(store.dir), path="--replication",
                         expected=f"one of {available[0]}..{available[-1]}" if available else "a run made with --keep-events")
    return store.events(replication)


def build_tracks(events: pd.DataFrame, projection: LocalProjection) -> Tracks:
    """Tracks, per-threat fates and event marks of one replication."""
    ev = events[events["kind"].astype(str).isin(TRACK_KINDS) & np.isfinite(events["x"]) & np.isfinite(events["y"])]
    ev = ev.assign(kind=ev["kind"].astype(str))
    lat, lon = projection.to_latlon(ev["x"].to_numpy(), ev["y"].to_numpy())
    ev = ev.assign(lon=np.round(np.atleast_1d(lon), 5), lat=np.round(np.atleast_1d(lat), 5))
    ev = ev.sort_values(["threat", "time"], kind="stable")
    points = ev.drop_duplicates(["threat", "time"], keep="last")[["threat", "time", "lon", "lat", "z"]]
    threats = _threat_table(ev)
    marks = ev[ev["kind"].isin(MARK_KINDS)].sort_values("time", kind="stable")
    marks = marks[["time", "kind", "threat", "lon", "lat", "unit_name", "munition", "threat_type"]]
    return Tracks(points.reset_index(drop=True), threats, marks.reset_index(drop=True))


def _threat_table(ev: pd.DataFrame) -> pd.DataFrame:
    if ev.empty:
        return pd.DataFrame(columns=["threat", "threat_type", "wave", "fate", "start", "end"])
    grouped = ev.groupby("threat", sort=True)
    table = pd.DataFrame({"threat_type": grouped["threat_type"].first(), "wave": grouped["wave"].first(),
                          "start": grouped["time"].min(), "end": grouped["time"].max()})
    ends = ev[ev["kind"].isin(FATES)].drop_duplicates("threat", keep="first").set_index("threat")["kind"]
    table["fate"] = ends.reindex(table.index).fillna("airborne")
    return table.reset_index()[["threat", "threat_type", "wave", "fate", "start", "end"]]
