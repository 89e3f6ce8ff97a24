"""Map exports of a stored run: GeoJSON (QGIS), KML (Google Earth), CZML (Cesium, animated)."""

from __future__ import annotations

from pathlib import Path

from airshield.errors import InputError
from airshield.report.context import RunContext
from airshield.report.czml import to_czml
from airshield.report.geojson import to_geojson
from airshield.report.kml import to_kml
from airshield.runs.store import RunStore

FORMATS = {"geojson": (to_geojson, ".geojson", "application/geo+json"),
           "kml": (to_kml, ".kml", "application/vnd.google-earth.kml+xml"),
           "czml": (to_czml, ".czml", "application/json")}


def export_run(run: RunStore | RunContext | str | Path, fmt: str, replication: int = 0) -> str:
    """The run's scenario and replication ``replication`` as GeoJSON, KML or CZML text.

    The run must have been stored with its event logs (``airshield run ... --keep-events``).
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown export format '{fmt}'", path="--format", expected="one of: " + ", ".join(FORMATS))
    context = run if isinstance(run, RunContext) else RunContext.open(run)
    tracks = context.tracks(replication)
    return FORMATS[fmt][0](context.scene, tracks, replication=replication)


def default_name(run_dir: Path, fmt: str, replication: int) -> str:
    """``<run>-rep<i>.<ext>``: the file name an export gets by default."""
    return f"{Path(run_dir).name}-rep{replication}{FORMATS[fmt][1]}"
