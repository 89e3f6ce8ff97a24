"""``airshield sweep``: a grid of overrides, each point with its replications, one tidy table."""

from __future__ import annotations

from pathlib import Path

import click

from airshield.cli.output import print_json, print_table
from airshield.cli.progress import progress_bar
from airshield.cli.run_options import read_options, run_options
from airshield.defaults import DEFAULT_RUNS
from airshield.errors import InputError


@click.command(help="Run the Cartesian grid of --set overrides (or a sweep file): one tidy table. Stored like a run "
                    "(each point a run folder, and the table) under --out, default runs/.")
@click.argument("scenario")
@click.option("--set", "sets", multiple=True, help="path=v1,v2,... e.g. raid.waves[0].count=100,200")
@click.option("--file", "sweep_file", type=click.Path(dir_okay=False), default=None,
              help="YAML sweep file: {set: {path: [values, ...]}}")
@run_options
@click.option("--table", "table_file", type=click.Path(dir_okay=False), default=None,
              help="also write the table here (.csv or .parquet); an --out ending in .csv or .parquet does the same")
@click.option("--json", "as_json", is_flag=True)
def sweep(scenario: str, sets: tuple[str, ...], sweep_file: str | None, table_file: str | None, as_json: bool,
          **params) -> None:
    from airshield.runs.sweep import sweep as run_sweep
    from airshield.scenario.overrides import parse_set
    parsed = [parse_set(text) for text in sets] + _from_file(sweep_file)
    if not parsed:
        raise InputError("nothing to sweep", path="--set", expected="at least one --set path=v1,v2 or --file")
    if params["out"] and Path(params["out"]).suffix in (".csv", ".parquet"):
        table_file, params["out"] = params["out"], DEFAULT_RUNS
    with progress_bar("sweep points", not as_json) as progress:
        result = run_sweep(scenario, parsed, read_options(params, progress=progress or False))
    table = result.table
    if table_file:
        _write(table, Path(table_file))
    if as_json:
        print_json(table.to_dict(orient="records"))
        return
    print_table("Sweep (95% interval of the mean; p05/p95 over replications)", list(table.columns),
                table.itertuples(index=False))
    if result.directory:
        click.echo(f"sweep folder: {result.directory} (each point a run folder; the table as sweep.csv)")
    if table_file:
        click.echo(f"table: {table_file}")


def _from_file(path: str | None) -> list:
    if path is None:
        return []
    from airshield.scenario.yaml_io import read_text, read_yaml_mapping
    data = read_yaml_mapping(read_text(Path(path)), path)
    sets = data.get("set")
    if not isinstance(sets, dict) or not sets:
        raise InputError("a sweep file needs 'set: {path: [values]}'", file=path, path="set")
    result = []
    for key, values in sets.items():
        if not isinstance(values, list) or not values:
            raise InputError("expected a list of values", file=path, path=f"set.{key}")
        result.append((str(key), values))
    return result


def _write(table, path: Path) -> None:
    try:
        if path.suffix == ".parquet":
            table.to_parquet(path, index=False)
        else:
            table.to_csv(path, index=False)
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", file=str(path), path="--out", expected="a writable file") from None
