"""CZML export of one replication: time-tagged threat positions so Cesium can animate the raid.

Static packets carry a label and, for sensors, fire units and EW zones, an ellipse of their coverage,
envelope or zone [m]. Times are absolute: the document's epoch is the raid's start (see
:mod:`airshield.report.timebase`); each threat's samples are seconds after its own launch.
"""

from __future__ import annotations

import json
from datetime import datetime

from airshield.report.palette import LAYER, rgba
from airshield.report.scene import Scene
from airshield.report.timebase import iso
from airshield.report.tracks import FATES, Tracks

WHITE = [255, 255, 255, 255]


def _label(text: str, colour: str) -> dict:
    return {"text": text, "font": "12px sans-serif", "style": "FILL_AND_OUTLINE", "outlineWidth": 2,
            "fillColor": {"rgba": rgba(colour)}, "outlineColor": {"rgba": WHITE}, "horizontalOrigin": "LEFT",
            "pixelOffset": {"cartesian2": [8, 0]}}


def _ellipse(radius: float, colour: str, alpha: int) -> dict:
    """A ground ellipse of ``radius`` [m] (CZML semi-axes are metres)."""
    return {"semiMajorAxis": float(radius), "semiMinorAxis": float(radius), "height": 0.0, "fill": alpha > 0,
            "material": {"solidColor": {"color": {"rgba": rgba(colour, alpha)}}}, "outline": True,
            "outlineColor": {"rgba": rgba(colour, 200)}}


def _static(kind: str, ident: str, p: dict, size: int, text: str, radius: float = 0.0, alpha: int = 0) -> dict:
    colour = LAYER[kind]
    packet = {"id": ident, "name": p["name"], "description": text,
              "position": {"cartographicDegrees": [p["lon"], p["lat"], 0.0]},
              "point": {"pixelSize": size, "color": {"rgba": rgba(colour)}, "outlineColor": {"rgba": WHITE},
                        "outlineWidth": 1},
              "label": _label(p["name"], colour)}
    if radius > 0:
        packet["ellipse"] = _ellipse(radius, colour, alpha)
    return packet


def scene_packets(scene: Scene) -> list[dict]:
    """Assets, sensors (with coverage), fire units (with envelope), EW zones and launch areas."""
    out = [_static("asset", f"asset-{i}", a, 10, f"value {a['value']:g}") for i, a in enumerate(scene.assets)]
    out += [_static("sensor", f"sensor-{i}", s, 6, f"{s['type']}: coverage {s['coverage_m'] / 1000:.0f} km at "
                    f"{scene.coverage_altitude_m:.0f} m", s["coverage_m"], 20) for i, s in enumerate(scene.sensors)]
    out += [_static("fire_unit", f"unit-{i}", u, 8, f"{u['type']}: {', '.join(u['munitions'])}, envelope "
                    f"{u['envelope_m'] / 1000:.0f} km", u["envelope_m"], 0) for i, u in enumerate(scene.units)]
    out += [_static("ew_zone", f"ew-{i}", z, 6, f"EW zone, radius {z['radius_m'] / 1000:.0f} km", z["radius_m"], 40)
            for i, z in enumerate(scene.ew_zones)]
    out += [_static("launch_area", f"launch-{i}", a, 8, "launch area of " + "; ".join(a["waves"]), a["spread_m"], 25)
            for i, a in enumerate(scene.launch_areas)]
    return out


def to_czml(scene: Scene, tracks: Tracks, *, replication: int, start: datetime) -> str:
    """The CZML document (a JSON array): document packet, static scene, one moving packet per threat."""
    end = max(tracks.t_end, 1.0)
    packets: list[dict] = [{"id": "document", "name": f"{scene.name}: replication {replication}", "version": "1.0",
                            "clock": {"interval": f"{iso(start)}/{iso(start, end)}", "currentTime": iso(start),
                                      "multiplier": 60, "range": "LOOP_STOP", "step": "SYSTEM_CLOCK_MULTIPLIER"}}]
    packets += scene_packets(scene)
    packets += _threat_packets(tracks, start, end)
    return json.dumps(packets, separators=(",", ":"))


def _threat_packets(tracks: Tracks, start: datetime, end: float) -> list[dict]:
    info = tracks.threats.set_index("threat")
    packets = []
    for threat, group in tracks.points.groupby("threat", sort=True):
        row = info.loc[threat]
        t0 = float(group["time"].iloc[0])
        t1 = float(group["time"].iloc[-1])
        samples = []
        for t, lon, lat, z in zip(group["time"], group["lon"], group["lat"], group["z"].fillna(0.0)):
            samples += [round(float(t) - t0, 3), float(lon), float(lat), round(float(z), 1)]
        packets.append({"id": f"threat-{int(threat)}", "name": f"threat {int(threat)} ({row['threat_type']})",
                        "description": f"wave {int(row['wave'])}, fate: {row['fate']}",
                        "availability": f"{iso(start, t0)}/{iso(start, max(t1, t0 + 1.0))}",
                        "position": {"epoch": iso(start, t0), "interpolationAlgorithm": "LINEAR",
                                     "cartographicDegrees": samples},
                        "point": {"pixelSize": 5, "color": {"rgba": rgba(LAYER["threat"])}},
                        "path": {"leadTime": 0, "trailTime": 1800, "width": 1,
                                 "material": {"solidColor": {"color": {"rgba": rgba(LAYER["threat"], 140)}}}}})
    ends = tracks.marks[tracks.marks["kind"].isin(FATES)]
    for k, m in enumerate(ends.itertuples(index=False)):
        packets.append({"id": f"event-{k}", "name": f"{m.kind}: threat {int(m.threat)}",
                        "availability": f"{iso(start, m.time)}/{iso(start, max(end, float(m.time) + 1.0))}",
                        "position": {"cartographicDegrees": [float(m.lon), float(m.lat), 0.0]},
                        "point": {"pixelSize": 7, "color": {"rgba": rgba(LAYER[m.kind])}}})
    return packets
