"""GeoPackage export (OGC GeoPackage 1.2, EPSG:4326) for QGIS: one layer per feature kind.

Written with the standard library's sqlite3: the features are those of the GeoJSON export, grouped by
their ``layer`` property (asset, sensor, sensor_coverage, fire_unit, fire_unit_envelope, ew_zone,
launch_area, track, kill, impact, ew_loss, failure); each property becomes a column (lists as JSON text).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

from airshield.report.geojson import features
from airshield.report.scene import Scene
from airshield.report.timebase import iso
from airshield.report.tracks import Tracks
from airshield.report.wkb import envelope, gpkg_geometry

APPLICATION_ID = 0x47504B47  # "GPKG"
USER_VERSION = 10200  # GeoPackage 1.2.0
WGS84 = ('WGS 84 geodetic', 4326, 'EPSG', 4326,
         'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
         'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,'
         'AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
         'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid')
GEOMETRY_NAMES = {"Point": "POINT", "LineString": "LINESTRING", "Polygon": "POLYGON"}
META_TABLES = """
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
"""


def to_gpkg(scene: Scene, tracks: Tracks, *, replication: int, start: datetime) -> bytes:
    """The GeoPackage file's bytes: one feature table per layer, EPSG:4326 lon/lat."""
    groups: dict[str, list[dict]] = {}
    for feature in features(scene, tracks, start):
        groups.setdefault(feature["properties"]["layer"], []).append(feature)
    db = sqlite3.connect(":memory:")
    try:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {USER_VERSION}")
        db.executescript(META_TABLES)
        db.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
                       [WGS84, ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", None),
                        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", None)])
        for layer, rows in groups.items():
            _layer(db, layer, rows, f"{scene.name}, replication {replication}, raid start {iso(start)}")
        db.commit()
        return db.serialize()
    finally:
        db.close()


def _layer(db: sqlite3.Connection, layer: str, rows: list[dict], description: str) -> None:
    """One feature table ``layer`` with a column per property (first seen order) and its metadata rows."""
    columns: dict[str, str] = {}
    for row in rows:
        for key, value in row["properties"].items():
            if key != "layer":
                columns.setdefault(key, _sql_type(value))
    kind = GEOMETRY_NAMES[rows[0]["geometry"]["type"]]
    fields = "".join(f', "{c}" {t}' for c, t in columns.items())
    db.execute(f'CREATE TABLE "{layer}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {kind}{fields})')
    marks = ", ".join("?" * (len(columns) + 1))
    names = ", ".join(["geom", *(f'"{c}"' for c in columns)])
    db.executemany(f'INSERT INTO "{layer}" ({names}) VALUES ({marks})',
                   [[gpkg_geometry(r["geometry"]), *(_sql_value(r["properties"].get(c)) for c in columns)]
                    for r in rows])
    boxes = [envelope(r["geometry"]) for r in rows]
    db.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y,"
               " srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, 4326)",
               (layer, layer, description, min(b[0] for b in boxes), min(b[2] for b in boxes),
                max(b[1] for b in boxes), max(b[3] for b in boxes)))
    db.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, 4326, 0, 0)", (layer, kind))


def _sql_type(value) -> str:
    if isinstance(value, bool) or isinstance(value, int):
        return "INTEGER"
    return "REAL" if isinstance(value, float) else "TEXT"


def _sql_value(value):
    return json.dumps(value) if isinstance(value, (list, dict)) else value
