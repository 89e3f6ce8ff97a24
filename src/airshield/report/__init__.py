"""Reports and map exports of stored runs: ``report.html`` and GeoJSON / KML / CZML."""

from airshield.report.context import RunContext
from airshield.report.exports import FORMATS, export_run
from airshield.report.html import render_report, write_report
from airshield.report.scene import Scene, build_scene
from airshield.report.tracks import Tracks, build_tracks

__all__ = ["FORMATS", "RunContext", "Scene", "Tracks", "build_scene", "build_tracks", "export_run",
           "render_report", "write_report"]
