"""Map exports of a stored run: GeoJSON (QGIS), KML (Google Earth), CZML (Cesium, animated), GeoPackage (QGIS)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from airshield.errors import InputError
from airshield.report.context import RunContext
from airshield.report.czml import to_czml
from airshield.report.geojson import to_geojson
from airshield.report.gpkg import to_gpkg
from airshield.report.kml import to_kml
from airshield.report.timebase import raid_start
from airshield.runs.store import RunStore

FORMATS = {"geojson": (to_geojson, ".geojson", "application/geo+json"),
           "kml": (to_kml, ".kml", "application/vnd.google-earth.kml+xml"),
           "czml": (to_czml, ".czml", "application/json"),
           "gpkg": (to_gpkg, ".gpkg", "application/geopackage+sqlite3")}
"""format: (writer, file suffix, media type); GeoPackage is bytes, the others text."""


def export_run(run: RunStore | RunContext | str | Path, fmt: str, replication: int = 0,
               start: str | datetime | None = None) -> str | bytes:
    """The run's scenario and replication ``replication`` as GeoJSON, KML or CZML text, or GeoPackage bytes.

    Times are absolute from ``start`` (ISO 8601; default: the scenario's ``run.start`` if it has one, else
    2025-01-01T00:00:00Z). The run must have been stored with its event logs (``airshield run ... --keep-events``).
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown export format '{fmt}'", path="--format", expected="one of: " + ", ".join(FORMATS))
    context = run if isinstance(run, RunContext) else RunContext.open(run)
    time_zero = raid_start(context.world, start)
    tracks = context.tracks(replication)
    return FORMATS[fmt][0](context.scene, tracks, replication=replication, start=time_zero)


def default_name(run_dir: Path, fmt: str, replication: int) -> str:
    """``<run>-rep<i>.<ext>``: the file name an export gets by default."""
    return f"{Path(run_dir).name}-rep{replication}{FORMATS[fmt][1]}"
