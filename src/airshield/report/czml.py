"""CZML export of one replication: time-tagged threat positions so Cesium can animate the raid.

Times are seconds after the raid's start, placed on a nominal epoch (the scenario has no date).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from airshield.report.scene import Scene
from airshield.report.tracks import Tracks

EPOCH = datetime(2024, 1, 1, tzinfo=timezone.utc)
"""Nominal date of the raid's time zero (CZML needs absolute times)."""
COLOURS = {"asset": [214, 47, 47, 255], "sensor": [47, 160, 214, 255], "fire_unit": [47, 168, 47, 255],
           "launch_area": [30, 30, 30, 255], "threat": [255, 128, 0, 255], "kill": [0, 192, 0, 255],
           "impact": [255, 0, 0, 255], "ew_loss": [255, 0, 255, 255], "failure": [128, 128, 128, 255]}


def iso(seconds: float) -> str:
    """ISO 8601 UTC time ``seconds`` [s] after the nominal epoch."""
    return (EPOCH + timedelta(seconds=float(seconds))).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _static(kind: str, ident: str, name: str, lon: float, lat: float, size: int, text: str = "") -> dict:
    packet = {"id": ident, "name": name, "position": {"cartographicDegrees": [lon, lat, 0.0]},
              "point": {"pixelSize": size, "color": {"rgba": COLOURS[kind]}, "outlineColor": {"rgba": [255, 255, 255, 255]},
                        "outlineWidth": 1}}
    if text:
        packet["description"] = text
    return packet


def to_czml(scene: Scene, tracks: Tracks, *, replication: int) -> str:
    """The CZML document (a JSON array): document packet, static scene, one moving packet per threat."""
    end = max(tracks.t_end, 1.0)
    packets: list[dict] = [{"id": "document", "name": f"{scene.name}: replication {replication}", "version": "1.0",
                            "clock": {"interval": f"{iso(0)}/{iso(end)}", "currentTime": iso(0), "multiplier": 60,
                                      "range": "LOOP_STOP", "step": "SYSTEM_CLOCK_MULTIPLIER"}}]
    for i, a in enumerate(scene.assets):
        packets.append(_static("asset", f"asset-{i}", a["name"], a["lon"], a["lat"], 10, f"value {a['value']:g}"))
    for i, s in enumerate(scene.sensors):
        packets.append(_static("sensor", f"sensor-{i}", s["name"], s["lon"], s["lat"], 6, s["type"]))
    for i, u in enumerate(scene.units):
        packets.append(_static("fire_unit", f"unit-{i}", u["name"], u["lon"], u["lat"], 8, u["type"]))
    for i, a in enumerate(scene.launch_areas):
        packets.append(_static("launch_area", f"launch-{i}", a["name"], a["lon"], a["lat"], 8))
    packets += _threat_packets(tracks, end)
    return json.dumps(packets, separators=(",", ":"))


def _threat_packets(tracks: Tracks, end: float) -> list[dict]:
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
                        "availability": f"{iso(t0)}/{iso(max(t1, t0 + 1.0))}",
                        "position": {"epoch": iso(t0), "interpolationAlgorithm": "LINEAR", "cartographicDegrees": samples},
                        "point": {"pixelSize": 5, "color": {"rgba": COLOURS["threat"]}},
                        "path": {"leadTime": 0, "trailTime": 1800, "width": 1,
                                 "material": {"solidColor": {"color": {"rgba": [255, 128, 0, 140]}}}}})
    ends = tracks.marks[tracks.marks["kind"].isin(("kill", "impact", "ew_loss", "failure"))]
    for k, m in enumerate(ends.itertuples(index=False)):
        packets.append({"id": f"event-{k}", "name": f"{m.kind}: threat {int(m.threat)}",
                        "availability": f"{iso(m.time)}/{iso(max(end, float(m.time) + 1.0))}",
                        "position": {"cartographicDegrees": [float(m.lon), float(m.lat), 0.0]},
                        "point": {"pixelSize": 7, "color": {"rgba": COLOURS[m.kind]}}})
    return packets
