"""``coverage``: which parts of Ukraine each kind of sensor sees, per altitude band; table and map."""

from __future__ import annotations

import click

from airshield.defaults import DEFAULT_SCENARIO
from airshield.cli.output import print_json, print_table

KIND_COLOURS = {"radar": "#1f77b4", "acoustic": "#ff7f0e", "observer": "#2ca02c"}


def _altitudes(text: str) -> tuple[float, ...]:
    try:
        values = tuple(float(v) for v in text.split(",") if v.strip())
    except ValueError:
        raise click.BadParameter(f"{text!r}: expected altitudes in metres separated by commas, e.g. 30,100,500")
    if not values or any(v < 0 for v in values):
        raise click.BadParameter(f"{text!r}: expected non-negative altitudes in metres")
    return values


@click.command(help="Sensor coverage per altitude band: share of each oblast seen by radar, acoustic "
                    "nodes and observers (a built-in scenario name or a YAML file; default: ukraine-national).")
@click.argument("scenario", default=DEFAULT_SCENARIO)
@click.option("--altitudes", default="30,100,500,2000", show_default=True, help="target altitudes [m]")
@click.option("--cell-km", type=click.FloatRange(0.5, 100), default=10.0, show_default=True, help="grid cell [km]")
@click.option("--rcs", type=click.FloatRange(0, min_open=True), default=None,
              help="target cross-section [m^2] (default: each sensor's reference target)")
@click.option("--map", "map_file", type=click.Path(dir_okay=False), default=None, help="write a PNG map")
@click.option("--json", "as_json", is_flag=True, help="print the shares as JSON")
def coverage(scenario: str, altitudes: str, cell_km: float, rcs: float | None, map_file: str | None,
             as_json: bool) -> None:
    from airshield.world import load_world
    from airshield.sensing.coverage import world_coverage
    world = load_world(scenario)
    cov = world_coverage(world, _altitudes(altitudes), cell_km * 1000.0, rcs)
    rows = cov.shares()
    if map_file:
        write_map(cov, world, map_file)
    if as_json:
        print_json({"scenario": world.name, "cell_km": cell_km, "rcs_m2": rcs, "shares": rows,
                    "map": map_file})
        return
    by_oblast: dict[str, dict[float, dict]] = {}
    for r in rows:
        by_oblast.setdefault(r["oblast"], {})[r["altitude_m"]] = r
    alts = cov.altitudes
    print_table(f"{world.name}: share of area seen by any sensor (radar / acoustic / observer)",
                ["oblast", *(f"{a:g} m" for a in alts)],
                [[name, *(_cell(cells.get(a)) for a in alts)] for name, cells in by_oblast.items()])
    if map_file:
        click.echo(f"map written to {map_file}")


def _cell(r: dict | None) -> str:
    if r is None:
        return "-"
    return f"{100 * r['any']:.0f}% ({100 * r['radar']:.0f}/{100 * r['acoustic']:.0f}/{100 * r['observer']:.0f})"


def write_map(cov, world, path: str) -> None:
    """One panel per altitude: cells seen by each kind, oblast outlines, sensor positions."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.colors import to_rgb
    from matplotlib.patches import Patch

    from airshield.geo import oblasts
    from airshield.vocabulary import KIND_CODES

    n = len(cov.altitudes)
    cols = min(n, 2)
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(7 * cols, 5 * rows), squeeze=False)
    extent = np.array([cov.x[0], cov.x[-1], cov.y[0], cov.y[-1]]) / 1000.0
    outlines = [np.column_stack(world.projection.to_xy(r[:, 1], r[:, 0])) / 1000.0
                for rings in oblasts()["rings"] for r in rings]
    sensors = world.sensors
    for a, ax in enumerate(axes.ravel()):
        if a >= n:
            ax.axis("off")
            continue
        img = np.ones((*cov.seen.shape[2:], 3))
        for kind, k in KIND_CODES.items():  # later kinds drawn over earlier ones
            img[cov.seen[a, k]] = to_rgb(KIND_COLOURS[kind])
        img[cov.oblast == ""] = img[cov.oblast == ""] * 0.3 + 0.7
        ax.imshow(img, origin="lower", extent=extent, interpolation="nearest")
        for ring in outlines:
            ax.plot(ring[:, 0], ring[:, 1], color="0.3", lw=0.5)
        ax.scatter(sensors.x / 1000, sensors.y / 1000, s=4, c="k", marker=".")
        seen_any = cov.seen[a].any(axis=0)[cov.oblast != ""].mean()
        ax.set_title(f"targets at {cov.altitudes[a]:g} m: {100 * seen_any:.0f}% of Ukraine seen")
        ax.set_xlabel("x [km]")
        ax.set_ylabel("y [km]")
        ax.set_aspect("equal")
    handles = [Patch(color=c, label=k) for k, c in KIND_COLOURS.items()]
    fig.legend(handles=handles, loc="lower center", ncol=3)
    fig.suptitle(f"{world.name}: sensor coverage by altitude")
    fig.tight_layout(rect=(0, 0.04, 1, 0.97))
    fig.savefig(path, dpi=110)
    plt.close(fig)
