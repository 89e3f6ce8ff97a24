"""KML 2.2 export of a run's scene and one replication: for Google Earth."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from airshield.report.scene import Scene, circle_lonlat
from airshield.report.tracks import Tracks

NS = "http://www.opengis.net/kml/2.2"
STYLES = {  # id: (KML colour aabbggrr, icon scale, line width)
    "asset": ("ff2f2fd6", 1.0, 1), "sensor": ("ffd6a02f", 0.7, 1), "fire_unit": ("ff2fa82f", 0.8, 2),
    "ew_zone": ("80b04fa0", 0.6, 2), "launch_area": ("ff1f1f1f", 0.9, 1), "track": ("b00080ff", 0.5, 1),
    "kill": ("ff00c000", 0.5, 1), "impact": ("ff0000ff", 0.7, 1), "ew_loss": ("ffff00ff", 0.5, 1),
    "failure": ("ff808080", 0.5, 1),
}


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    node = ET.SubElement(parent, tag)
    if text is not None:
        node.text = text
    return node


def _style(doc: ET.Element, key: str) -> None:
    colour, scale, width = STYLES[key]
    style = _sub(doc, "Style")
    style.set("id", key)
    icon = _sub(style, "IconStyle")
    _sub(icon, "color", colour)
    _sub(icon, "scale", str(scale))
    line = _sub(style, "LineStyle")
    _sub(line, "color", colour)
    _sub(line, "width", str(width))
    poly = _sub(style, "PolyStyle")
    _sub(poly, "color", "30" + colour[2:])


def _placemark(folder: ET.Element, name: str, style: str, description: str = "") -> ET.Element:
    mark = _sub(folder, "Placemark")
    _sub(mark, "name", name)
    if description:
        _sub(mark, "description", description)
    _sub(mark, "styleUrl", f"#{style}")
    return mark


def _coords(points) -> str:
    return " ".join(f"{lon:.5f},{lat:.5f}" + (f",{z:.0f}" if z is not None else "") for lon, lat, z in points)


def _point(mark: ET.Element, lon: float, lat: float) -> None:
    _sub(_sub(mark, "Point"), "coordinates", _coords([(lon, lat, None)]))


def _ring(mark: ET.Element, lon: float, lat: float, radius: float) -> None:
    ring = _sub(_sub(_sub(mark, "Polygon"), "outerBoundaryIs"), "LinearRing")
    _sub(ring, "coordinates", _coords((p[0], p[1], None) for p in circle_lonlat(lon, lat, radius)))


def to_kml(scene: Scene, tracks: Tracks, *, replication: int) -> str:
    """The KML document as text (folders: assets, sensors, fire units, EW zones, launch areas, tracks, events)."""
    ET.register_namespace("", NS)
    root = ET.Element("kml", xmlns=NS)
    doc = _sub(root, "Document")
    _sub(doc, "name", f"{scene.name}: replication {replication}")
    for key in STYLES:
        _style(doc, key)
    folder = _sub(doc, "Folder")
    _sub(folder, "name", "Defended assets")
    for a in scene.assets:
        _point(_placemark(folder, a["name"], "asset", f"value {a['value']:g}"), a["lon"], a["lat"])
    folder = _sub(doc, "Folder")
    _sub(folder, "name", "Sensors")
    for s in scene.sensors:
        mark = _placemark(folder, s["name"], "sensor", f"{s['type']}, coverage {s['coverage_m'] / 1000:.0f} km "
                          f"at {scene.coverage_altitude_m:.0f} m")
        _point(mark, s["lon"], s["lat"])
        _ring(_placemark(folder, f"{s['name']} coverage", "sensor"), s["lon"], s["lat"], s["coverage_m"])
    folder = _sub(doc, "Folder")
    _sub(folder, "name", "Fire units")
    for u in scene.units:
        _point(_placemark(folder, u["name"], "fire_unit", f"{u['type']}: {', '.join(u['munitions'])}, "
                          f"envelope {u['envelope_m'] / 1000:.0f} km"), u["lon"], u["lat"])
        if u["envelope_m"] > 0:
            _ring(_placemark(folder, f"{u['name']} envelope", "fire_unit"), u["lon"], u["lat"], u["envelope_m"])
    folder = _sub(doc, "Folder")
    _sub(folder, "name", "EW zones")
    for z in scene.ew_zones:
        _ring(_placemark(folder, z["name"], "ew_zone"), z["lon"], z["lat"], z["radius_m"])
    folder = _sub(doc, "Folder")
    _sub(folder, "name", "Launch areas")
    for a in scene.launch_areas:
        _point(_placemark(folder, a["name"], "launch_area", "; ".join(a["waves"])), a["lon"], a["lat"])
    _tracks(doc, tracks)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _tracks(doc: ET.Element, tracks: Tracks) -> None:
    info = tracks.threats.set_index("threat")
    folder = _sub(doc, "Folder")
    _sub(folder, "name", "Threat tracks")
    for threat, group in tracks.points.groupby("threat", sort=True):
        if len(group) < 2:
            continue
        row = info.loc[threat]
        mark = _placemark(folder, f"threat {int(threat)} ({row['threat_type']})", "track", f"fate: {row['fate']}")
        line = _sub(mark, "LineString")
        _sub(line, "altitudeMode", "absolute")
        _sub(line, "coordinates", _coords(zip(group["lon"], group["lat"], group["z"].fillna(0))))
    folder = _sub(doc, "Folder")
    _sub(folder, "name", "Kills, impacts, EW losses, failures")
    ends = tracks.marks[tracks.marks["kind"].isin(("kill", "impact", "ew_loss", "failure"))]
    for m in ends.itertuples(index=False):
        text = f"t = {m.time / 60:.1f} min" + (f", by {m.unit_name} ({m.munition})" if m.kind == "kill" else "")
        _point(_placemark(folder, f"{m.kind}: threat {int(m.threat)} ({m.threat_type})", m.kind, text),
               float(m.lon), float(m.lat))
