"""KML 2.2 export of a run's scene and one replication: for Google Earth and GDAL.

Every placemark carries its attributes as ``ExtendedData`` (typed fields in GDAL/QGIS, a table in
Google Earth's balloon); threat tracks have a ``TimeSpan`` and end events a ``TimeStamp`` in absolute
UTC, so Google Earth's time slider animates the raid. Styles give each kind its own icon and colour.
The document validates against the OGC KML 2.2 schema (tests/report/data/kml22).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime

from airshield.report.palette import LAYER, kml_colour
from airshield.report.scene import Scene, circle_lonlat
from airshield.report.timebase import iso
from airshield.report.tracks import FATES, Tracks

NS = "http://www.opengis.net/kml/2.2"
ICONS = "http://maps.google.com/mapfiles/kml/shapes/"
STYLES = {  # id: (colour key, icon file in Google Earth's shapes, icon scale, line width)
    "asset": ("asset", "target.png", 1.1, 1), "sensor": ("sensor", "triangle.png", 0.8, 1),
    "fire_unit": ("fire_unit", "square.png", 0.9, 2), "ew_zone": ("ew_zone", "polygon.png", 0.7, 2),
    "launch_area": ("launch_area", "airports.png", 1.0, 1), "track": ("threat", "arrow.png", 0.5, 1),
    "kill": ("kill", "star.png", 0.7, 1), "impact": ("impact", "caution.png", 0.9, 1),
    "ew_loss": ("ew_loss", "forbidden.png", 0.7, 1), "failure": ("failure", "cross-hairs.png", 0.6, 1),
}


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    node = ET.SubElement(parent, f"{{{NS}}}{tag}")
    if text is not None:
        node.text = text
    return node


def _style(doc: ET.Element, key: str) -> None:
    colour_key, icon_file, scale, width = STYLES[key]
    colour = LAYER[colour_key]
    style = _sub(doc, "Style", None)
    style.set("id", key)
    icon = _sub(style, "IconStyle")
    _sub(icon, "color", kml_colour(colour))
    _sub(icon, "scale", str(scale))
    _sub(_sub(icon, "Icon"), "href", ICONS + icon_file)
    _sub(_sub(style, "LabelStyle"), "scale", "0.8")
    line = _sub(style, "LineStyle")
    _sub(line, "color", kml_colour(colour, 0xb0 if key == "track" else 0xff))
    _sub(line, "width", str(width))
    _sub(_sub(style, "PolyStyle"), "color", kml_colour(colour, 0x30))


def _placemark(folder: ET.Element, name: str, style: str, data: dict, *, span: tuple[str, str] | None = None,
               stamp: str | None = None) -> ET.Element:
    """A placemark in schema order: name, time, style, ExtendedData (geometry is added after)."""
    mark = _sub(folder, "Placemark")
    _sub(mark, "name", name)
    if span is not None:
        node = _sub(mark, "TimeSpan")
        _sub(node, "begin", span[0])
        _sub(node, "end", span[1])
    if stamp is not None:
        _sub(_sub(mark, "TimeStamp"), "when", stamp)
    _sub(mark, "styleUrl", f"#{style}")
    extended = _sub(mark, "ExtendedData")
    for key, value in data.items():
        field = _sub(extended, "Data")
        field.set("name", key)
        _sub(field, "value", _text(value))
    return mark


def _text(value) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return "" if value is None else str(value)


def _coords(points) -> str:
    return " ".join(f"{lon:.5f},{lat:.5f}" + (f",{z:.0f}" if z is not None else "") for lon, lat, z in points)


def _point(mark: ET.Element, lon: float, lat: float) -> None:
    _sub(_sub(mark, "Point"), "coordinates", _coords([(lon, lat, None)]))


def _ring(mark: ET.Element, lon: float, lat: float, radius: float) -> None:
    ring = _sub(_sub(_sub(mark, "Polygon"), "outerBoundaryIs"), "LinearRing")
    _sub(ring, "coordinates", _coords((p[0], p[1], None) for p in circle_lonlat(lon, lat, radius)))


def _folder(doc: ET.Element, name: str) -> ET.Element:
    folder = _sub(doc, "Folder")
    _sub(folder, "name", name)
    return folder


def to_kml(scene: Scene, tracks: Tracks, *, replication: int, start: datetime) -> str:
    """The KML document as text (folders: assets, sensors, fire units, EW zones, launch areas, tracks, events)."""
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}kml")
    doc = _sub(root, "Document")
    _sub(doc, "name", f"{scene.name}: replication {replication}")
    _sub(doc, "description", f"airshield export; raid start (time 0) {iso(start)}")
    for key in STYLES:
        _style(doc, key)
    _scene(doc, scene)
    _tracks(doc, tracks, start)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


def _scene(doc: ET.Element, scene: Scene) -> None:
    folder = _folder(doc, "Defended assets")
    for a in scene.assets:
        _point(_placemark(folder, a["name"], "asset", {"layer": "asset", "value": a["value"],
                                                        "radius_m": a["radius_m"]}), a["lon"], a["lat"])
    folder = _folder(doc, "Sensors")
    for s in scene.sensors:
        data = {"layer": "sensor", "type": s["type"], "kind": s["kind"], "range_m": s["range_m"],
                "coverage_m": s["coverage_m"], "altitude_m": scene.coverage_altitude_m}
        _point(_placemark(folder, s["name"], "sensor", data), s["lon"], s["lat"])
        _ring(_placemark(folder, f"{s['name']} coverage", "sensor", {**data, "layer": "sensor_coverage"}),
              s["lon"], s["lat"], s["coverage_m"])
    folder = _folder(doc, "Fire units")
    for u in scene.units:
        data = {"layer": "fire_unit", "type": u["type"], "munitions": u["munitions"], "envelope_m": u["envelope_m"]}
        _point(_placemark(folder, u["name"], "fire_unit", data), u["lon"], u["lat"])
        if u["envelope_m"] > 0:
            _ring(_placemark(folder, f"{u['name']} envelope", "fire_unit", {**data, "layer": "fire_unit_envelope"}),
                  u["lon"], u["lat"], u["envelope_m"])
    folder = _folder(doc, "EW zones")
    for z in scene.ew_zones:
        _ring(_placemark(folder, z["name"], "ew_zone", {"layer": "ew_zone", "radius_m": z["radius_m"]}),
              z["lon"], z["lat"], z["radius_m"])
    folder = _folder(doc, "Launch areas")
    for a in scene.launch_areas:
        _point(_placemark(folder, a["name"], "launch_area", {"layer": "launch_area", "spread_m": a["spread_m"],
                                                              "waves": a["waves"]}), a["lon"], a["lat"])


def _tracks(doc: ET.Element, tracks: Tracks, start: datetime) -> None:
    info = tracks.threats.set_index("threat")
    folder = _folder(doc, "Threat tracks")
    for threat, group in tracks.points.groupby("threat", sort=True):
        if len(group) < 2:
            continue
        row = info.loc[threat]
        data = {"layer": "track", "threat": int(threat), "threat_type": row["threat_type"], "wave": int(row["wave"]),
                "fate": row["fate"], "start_s": float(row["start"]), "end_s": float(row["end"])}
        mark = _placemark(folder, f"threat {int(threat)} ({row['threat_type']})", "track", data,
                          span=(iso(start, row["start"]), iso(start, row["end"])))
        line = _sub(mark, "LineString")
        _sub(line, "altitudeMode", "absolute")
        _sub(line, "coordinates", _coords(zip(group["lon"], group["lat"], group["z"].fillna(0))))
    folder = _folder(doc, "Kills, impacts, EW losses, failures")
    for m in tracks.marks[tracks.marks["kind"].isin(FATES)].itertuples(index=False):
        data = {"layer": m.kind, "threat": int(m.threat), "threat_type": m.threat_type, "time_s": float(m.time)}
        if m.kind == "kill":
            data.update(unit=m.unit_name, munition=m.munition)
        mark = _placemark(folder, f"{m.kind}: threat {int(m.threat)} ({m.threat_type})", m.kind, data,
                          stamp=iso(start, m.time))
        _point(mark, float(m.lon), float(m.lat))
