"""``airshield export`` and ``airshield report``: map exports and the HTML report of a stored run."""

from __future__ import annotations

from pathlib import Path

import click

FORMAT_NAMES = ("czml", "geojson", "gpkg", "kml")
"""The export formats (airshield.report.exports.FORMATS; listed here so that the CLI starts fast)."""


@click.command(help="Export a stored run (made with --keep-events) as GeoJSON or GeoPackage (QGIS), KML (Google Earth) "
                    "or CZML (Cesium).")
@click.argument("run_dir", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMAT_NAMES), default="geojson", show_default=True)
@click.option("--replication", "-r", type=click.IntRange(0), default=0, show_default=True,
              help="which replication's threat tracks to export")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="output file (default: RUN_DIR/<run>-rep<i>.<format>; '-' for standard output)")
@click.option("--start", default=None, metavar="ISO-TIME",
              help="the raid's time zero, e.g. 2024-08-26T03:00:00+03:00 (default: the scenario's run.start if it "
                   "has one, else 2025-01-01T00:00:00Z)")
def export(run_dir: str, fmt: str, replication: int, out: str | None, start: str | None) -> None:
    from airshield.report.exports import default_name, export_run
    data = export_run(run_dir, fmt, replication, start=start)
    if out == "-":
        click.echo(data) if isinstance(data, str) else click.get_binary_stream("stdout").write(data)
        return
    target = Path(out) if out else Path(run_dir) / default_name(Path(run_dir), fmt, replication)
    target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    click.echo(f"wrote {target}")


@click.command(help="Write a self-contained offline report.html of a stored run.")
@click.argument("run_dir", type=click.Path(file_okay=False))
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="output file (default: RUN_DIR/report.html)")
@click.option("--replication", "-r", type=click.IntRange(0), default=0, show_default=True,
              help="the replication whose threat routes the map shows (if events were kept)")
def report(run_dir: str, out: str | None, replication: int) -> None:
    from airshield.report.html import write_report
    click.echo(f"wrote {write_report(run_dir, out, replication=replication)}")
