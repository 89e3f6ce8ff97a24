"""Map exports of a stored run: GeoJSON, KML and CZML are valid, complete and time-ordered."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from airshield.api import run
from airshield.cli.report import export
from airshield.errors import InputError
from airshield.report import export_run
from airshield.runs import RunStore

KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> RunStore:
    return run("kyiv-small", replications=2, seed=3, out=tmp_path_factory.mktemp("runs"), keep_events=True).store


@pytest.fixture(scope="module")
def bare(tmp_path_factory) -> RunStore:
    return run("kyiv-small", replications=1, seed=3, out=tmp_path_factory.mktemp("bare")).store


def _launched(store: RunStore, replication: int) -> int:
    events = store.events(replication)
    return int((events["kind"] == "launch").sum())


def test_geojson_has_every_layer_and_one_track_per_threat(stored):
    data = json.loads(export_run(stored.dir, "geojson", 1))
    assert data["type"] == "FeatureCollection"
    layers = Counter(f["properties"]["layer"] for f in data["features"])
    assert layers["asset"] == 6 and layers["fire_unit"] == 15 and layers["ew_zone"] == 1
    assert layers["sensor"] == layers["sensor_coverage"] == 13 and layers["launch_area"] == 3
    assert 0 < layers["track"] <= _launched(stored, 1)
    events = stored.events(1)
    assert layers["kill"] == int((events["kind"] == "kill").sum())
    assert layers["impact"] == int((events["kind"] == "impact").sum())
    for feature in data["features"]:
        coords = feature["geometry"]["coordinates"]
        flat = [coords] if feature["geometry"]["type"] == "Point" else (
            coords if feature["geometry"]["type"] == "LineString" else coords[0])
        assert all(20 < lon < 50 and 40 < lat < 60 for lon, lat in flat)


def test_kml_is_valid_xml_with_placemarks(stored):
    text = export_run(stored.dir, "kml")
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{KML}kml"
    folders = {f.find(f"{KML}name").text: f for f in root.iter(f"{KML}Folder")}
    assert len(folders["Defended assets"].findall(f"{KML}Placemark")) == 6
    assert len(folders["Threat tracks"].findall(f"{KML}Placemark")) > 10
    assert root.find(f".//{KML}LineString/{KML}coordinates").text.count(",") >= 4


def test_czml_packets_have_increasing_times_and_availability(stored):
    packets = json.loads(export_run(stored.dir, "czml"))
    assert packets[0]["id"] == "document" and packets[0]["version"] == "1.0" and "clock" in packets[0]
    threats = [p for p in packets if p["id"].startswith("threat-")]
    assert len(threats) == _launched(stored, 0)
    for packet in threats:
        samples = packet["position"]["cartographicDegrees"]
        times = samples[0::4]
        assert times[0] == 0 and all(b > a for a, b in zip(times, times[1:]))
        start, end = packet["availability"].split("/")
        assert start == packet["position"]["epoch"] and end > start
    assert len({p["id"] for p in packets}) == len(packets)


def test_run_without_events_asks_for_keep_events(bare):
    with pytest.raises(InputError, match="--keep-events"):
        export_run(bare.dir, "czml")


def test_unknown_format_and_replication_are_input_errors(stored):
    with pytest.raises(InputError, match="format"):
        export_run(stored.dir, "shapefile")
    with pytest.raises(InputError, match="replication 9"):
        export_run(stored.dir, "geojson", 9)


def test_cli_export_writes_files(stored, tmp_path):
    runner = CliRunner()
    for fmt in ("geojson", "kml", "czml", "gpkg"):
        out = tmp_path / f"x.{fmt}"
        result = runner.invoke(export, [str(stored.dir), "--format", fmt, "--out", str(out), "--start", "2024-08-26T03:00"])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    result = runner.invoke(export, [str(stored.dir), "--format", "geojson", "-r", "1"])
    assert result.exit_code == 0 and Path(stored.dir, f"{stored.dir.name}-rep1.geojson").is_file()
