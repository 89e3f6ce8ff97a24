"""GeoJSON export (RFC 7946, lon/lat WGS84) of a run's scene and one replication: for QGIS.

Polygon exterior rings run counter-clockwise (RFC 7946 3.1.6). Times are given twice: seconds after
the raid's start (``*_s``) and absolute ISO 8601 UTC (``start_time``, ``end_time``, ``time``, ``times_iso``).
"""

from __future__ import annotations

import json
from datetime import datetime

from airshield.report.scene import Scene, circle_lonlat
from airshield.report.timebase import iso
from airshield.report.tracks import FATES, Tracks


def _point(lon: float, lat: float, props: dict) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": props}


def _circle(lon: float, lat: float, radius: float, props: dict) -> dict:
    return {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [circle_lonlat(lon, lat, radius)]},
            "properties": props}


def scene_features(scene: Scene) -> list[dict]:
    """Assets, sensors and their coverage, fire units and envelopes, EW zones, launch areas."""
    out = []
    for a in scene.assets:
        out.append(_point(a["lon"], a["lat"], {"layer": "asset", "name": a["name"], "value": a["value"],
                                               "radius_m": a["radius_m"]}))
    for s in scene.sensors:
        props = {"name": s["name"], "type": s["type"], "kind": s["kind"], "range_m": s["range_m"]}
        out.append(_point(s["lon"], s["lat"], {"layer": "sensor", **props}))
        out.append(_circle(s["lon"], s["lat"], s["coverage_m"], {"layer": "sensor_coverage", **props,
                           "coverage_m": s["coverage_m"], "altitude_m": scene.coverage_altitude_m}))
    for u in scene.units:
        props = {"name": u["name"], "type": u["type"], "envelope_m": u["envelope_m"], "munitions": ",".join(u["munitions"])}
        out.append(_point(u["lon"], u["lat"], {"layer": "fire_unit", **props}))
        if u["envelope_m"] > 0:
            out.append(_circle(u["lon"], u["lat"], u["envelope_m"], {"layer": "fire_unit_envelope", **props}))
    for z in scene.ew_zones:
        out.append(_circle(z["lon"], z["lat"], z["radius_m"], {"layer": "ew_zone", "name": z["name"], "radius_m": z["radius_m"]}))
    for a in scene.launch_areas:
        out.append(_point(a["lon"], a["lat"], {"layer": "launch_area", "name": a["name"], "spread_m": a["spread_m"],
                                               "waves": ",".join(a["waves"])}))
    return out


def track_features(tracks: Tracks, start: datetime) -> list[dict]:
    """One LineString per threat (times in ``times`` [s] and ``times_iso``) and one Point per kill,
    impact, EW loss and failure (``time_s``, ``time``)."""
    out = []
    info = tracks.threats.set_index("threat")
    for threat, group in tracks.points.groupby("threat", sort=True):
        if len(group) < 2:
            continue
        row = info.loc[threat]
        times = [round(float(t), 1) for t in group["time"]]
        out.append({"type": "Feature", "geometry": {"type": "LineString",
                    "coordinates": group[["lon", "lat"]].to_numpy().tolist()},
                    "properties": {"layer": "track", "threat": int(threat), "threat_type": row["threat_type"],
                                   "wave": int(row["wave"]), "fate": row["fate"], "start_s": round(float(row["start"]), 1),
                                   "end_s": round(float(row["end"]), 1), "start_time": iso(start, row["start"]),
                                   "end_time": iso(start, row["end"]), "times": times,
                                   "times_iso": [iso(start, t) for t in times]}})
    for m in tracks.marks[tracks.marks["kind"].isin(FATES)].itertuples(index=False):
        props = {"layer": m.kind, "threat": int(m.threat), "threat_type": m.threat_type,
                 "time_s": round(float(m.time), 1), "time": iso(start, m.time)}
        if m.kind == "kill":
            props.update(unit=m.unit_name, munition=m.munition)
        out.append(_point(float(m.lon), float(m.lat), props))
    return out


def features(scene: Scene, tracks: Tracks, start: datetime) -> list[dict]:
    """Every feature of the export, scene first; ``layer`` in the properties says what each is."""
    return scene_features(scene) + track_features(tracks, start)


def to_geojson(scene: Scene, tracks: Tracks, *, replication: int, start: datetime) -> str:
    """The FeatureCollection as text (``raid_start``: the raid's time zero, ISO 8601 UTC)."""
    collection = {"type": "FeatureCollection", "name": f"{scene.name} replication {replication}",
                  "raid_start": iso(start), "features": features(scene, tracks, start)}
    return json.dumps(collection, separators=(",", ":"))
