"""GeoJSON export (RFC 7946, lon/lat WGS84) of a run's scene and one replication: for QGIS."""

from __future__ import annotations

import json

from airshield.report.scene import Scene, circle_lonlat
from airshield.report.tracks import Tracks


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


def track_features(tracks: Tracks) -> list[dict]:
    """One LineString per threat (time in ``times``) and one Point per kill, impact, EW loss, failure."""
    out = []
    info = tracks.threats.set_index("threat")
    for threat, group in tracks.points.groupby("threat", sort=True):
        if len(group) < 2:
            continue
        row = info.loc[threat]
        out.append({"type": "Feature", "geometry": {"type": "LineString",
                    "coordinates": group[["lon", "lat"]].to_numpy().tolist()},
                    "properties": {"layer": "track", "threat": int(threat), "threat_type": row["threat_type"],
                                   "wave": int(row["wave"]), "fate": row["fate"], "start_s": round(float(row["start"]), 1),
                                   "end_s": round(float(row["end"]), 1),
                                   "times": [round(float(t), 1) for t in group["time"]]}})
    ends = tracks.marks[tracks.marks["kind"].isin(("kill", "impact", "ew_loss", "failure"))]
    for m in ends.itertuples(index=False):
        props = {"layer": m.kind, "threat": int(m.threat), "threat_type": m.threat_type, "time_s": round(float(m.time), 1)}
        if m.kind == "kill":
            props.update(unit=m.unit_name, munition=m.munition)
        out.append(_point(float(m.lon), float(m.lat), props))
    return out


def to_geojson(scene: Scene, tracks: Tracks, *, replication: int) -> str:
    """The FeatureCollection as text; ``layer`` in each feature's properties says what it is."""
    collection = {"type": "FeatureCollection", "name": f"{scene.name} replication {replication}",
                  "features": scene_features(scene) + track_features(tracks)}
    return json.dumps(collection, separators=(",", ":"))
