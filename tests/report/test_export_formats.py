"""The exports as other tools read them: RFC 7946 winding, absolute times, the OGC KML 2.2 schema,
czml3's packet model and a GeoPackage with one layer per kind (sqlite3, and pyogrio/GDAL when installed)."""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from airshield.api import run
from airshield.errors import InputError
from airshield.report import export_run
from airshield.runs import RunStore

KML = "{http://www.opengis.net/kml/2.2}"
XSD = Path(__file__).parent / "data" / "kml22" / "ogckml22.xsd"
START = "2024-08-26T03:00:00+03:00"


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> RunStore:
    return run("kyiv-small", replications=1, seed=3, out=tmp_path_factory.mktemp("runs"), keep_events=True).store


def signed_area(ring: list) -> float:
    """Shoelace area [deg^2] of a lon/lat ring: positive when counter-clockwise."""
    x, y = np.array(ring).T
    return 0.5 * float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))


def test_geojson_exterior_rings_are_counter_clockwise_and_closed(stored):
    data = json.loads(export_run(stored.dir, "geojson"))
    polygons = [f["geometry"]["coordinates"] for f in data["features"] if f["geometry"]["type"] == "Polygon"]
    assert len(polygons) > 20
    for rings in polygons:
        assert rings[0][0] == rings[0][-1]
        assert signed_area(rings[0]) > 0, "RFC 7946 3.1.6: exterior rings are counter-clockwise"
        assert all(signed_area(hole) < 0 for hole in rings[1:])


def test_geojson_times_are_absolute_from_the_given_start(stored):
    data = json.loads(export_run(stored.dir, "geojson", start=START))
    assert data["raid_start"] == "2024-08-26T00:00:00.000Z"
    track = next(f["properties"] for f in data["features"] if f["properties"]["layer"] == "track")
    assert track["start_time"].startswith("2024-08-26T") and track["start_time"].endswith("Z")
    assert len(track["times_iso"]) == len(track["times"]) == len(track_coords(data, track["threat"]))
    default = json.loads(export_run(stored.dir, "geojson"))
    assert default["raid_start"] == "2025-01-01T00:00:00.000Z"
    with pytest.raises(InputError, match="ISO 8601"):
        export_run(stored.dir, "geojson", start="last tuesday")


def track_coords(data: dict, threat: int) -> list:
    return next(f["geometry"]["coordinates"] for f in data["features"]
                if f["properties"]["layer"] == "track" and f["properties"]["threat"] == threat)


def test_kml_validates_against_the_ogc_kml_22_schema(stored):
    etree = pytest.importorskip("lxml.etree", reason="lxml is missing (pip install 'airshield[dev]')")
    if not XSD.is_file():
        pytest.skip("the OGC KML 2.2 schema is not shipped here; test_kml_has_extended_data_and_time checks structure")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    document = etree.fromstring(export_run(stored.dir, "kml", start=START).encode("utf-8"))
    assert schema.validate(document), schema.error_log.filter_from_errors()[:3]


def test_kml_has_extended_data_time_spans_and_icon_styles(stored):
    root = ET.fromstring(export_run(stored.dir, "kml", start=START).encode("utf-8"))
    tracks = next(f for f in root.iter(f"{KML}Folder") if f.find(f"{KML}name").text == "Threat tracks")
    mark = tracks.find(f"{KML}Placemark")
    fields = {d.get("name"): d.find(f"{KML}value").text for d in mark.iter(f"{KML}Data")}
    assert {"threat", "threat_type", "wave", "fate", "start_s", "end_s"} <= set(fields)
    span = mark.find(f"{KML}TimeSpan")
    assert span.find(f"{KML}begin").text.startswith("2024-08-26T") and span.find(f"{KML}end").text > \
        span.find(f"{KML}begin").text
    assert root.find(f".//{KML}TimeStamp/{KML}when") is not None
    icons = {s.get("id"): s.find(f"{KML}IconStyle/{KML}Icon/{KML}href").text for s in root.iter(f"{KML}Style")}
    assert len(set(icons.values())) == len(icons) >= 10


def test_kml_fields_are_seen_by_gdal(stored, tmp_path):
    pyogrio = pytest.importorskip("pyogrio", reason="pyogrio is missing (pip install 'airshield[dev]')")
    if "LIBKML" not in pyogrio.list_drivers():
        pytest.skip("this GDAL has no LIBKML driver")
    path = tmp_path / "x.kml"
    path.write_text(export_run(stored.dir, "kml", start=START), encoding="utf-8")
    fields = set(pyogrio.read_info(path, layer="Threat tracks")["fields"])
    assert {"threat_type", "fate", "begin", "end"} <= fields


def test_czml_parses_with_czml3_and_has_labels_ellipses_and_the_epoch(stored):
    czml3 = pytest.importorskip("czml3", reason="czml3 is missing (pip install 'airshield[dev]')")
    packets = json.loads(export_run(stored.dir, "czml", start=START))
    document = czml3.Document(packets=[czml3.Packet(**p) for p in packets])
    assert len(document.packets) == len(packets)
    assert packets[0]["clock"]["currentTime"] == "2024-08-26T00:00:00.000Z"
    statics = {p["id"].split("-")[0]: p for p in reversed(packets) if "label" in p}
    assert {"asset", "sensor", "unit", "ew", "launch"} <= set(statics)
    assert statics["unit"]["ellipse"]["semiMajorAxis"] > 1000 and statics["sensor"]["ellipse"]["semiMinorAxis"] > 1000
    assert statics["asset"]["label"]["text"] == "Kyiv"
    threat = next(p for p in packets if p["id"].startswith("threat-"))
    assert threat["position"]["epoch"].startswith("2024-08-26T")


def test_geopackage_has_one_layer_per_kind(stored, tmp_path):
    path = tmp_path / "x.gpkg"
    path.write_bytes(export_run(stored.dir, "gpkg"))
    geojson = json.loads(export_run(stored.dir, "geojson"))
    kinds = Counter(f["properties"]["layer"] for f in geojson["features"])
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
        tables = dict(db.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall())
        assert set(tables) == set(kinds) and set(tables.values()) == {"features"}
        for kind, count in kinds.items():
            assert db.execute(f'SELECT count(*) FROM "{kind}"').fetchone()[0] == count
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_geopackage_opens_in_gdal(stored, tmp_path):
    pyogrio = pytest.importorskip("pyogrio", reason="pyogrio is missing (pip install 'airshield[dev]')")
    path = tmp_path / "x.gpkg"
    path.write_bytes(export_run(stored.dir, "gpkg", start=START))
    layers = dict(pyogrio.list_layers(path))
    assert layers["track"] == "LineString" and layers["fire_unit_envelope"] == "Polygon" and layers["asset"] == "Point"
    info = pyogrio.read_info(path, layer="fire_unit")
    assert info["features"] == 15 and info["crs"] == "EPSG:4326" and "munitions" in list(info["fields"])
    _, _, geometry, fields = pyogrio.raw.read(path, layer="track", columns=["start_time"])
    assert len(geometry) > 10 and str(fields[0][0]).startswith("2024-08-26T")
