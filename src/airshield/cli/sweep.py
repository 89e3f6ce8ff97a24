"""``airshield sweep``: a grid of overrides, each point with its replications, one tidy table."""

from __future__ import annotations

from pathlib import Path

import click

from airshield.cli.output import print_json, print_table
from airshield.cli.progress import progress_bar
from airshield.errors import InputError


@click.command(help="Run the Cartesian grid of --set overrides (or a sweep file) and write one tidy table.")
@click.argument("scenario")
@click.option("--set", "sets", multiple=True, help="path=v1,v2,... e.g. raid.waves[0].count=100,200")
@click.option("--file", "sweep_file", type=click.Path(dir_okay=False), default=None,
              help="YAML sweep file: {set: {path: [values, ...]}}")
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--replications", "-n", type=click.IntRange(1), default=20, show_default=True)
@click.option("--workers", "-k", type=click.IntRange(1, 256), default=1, show_default=True)
@click.option("--backend", default="local", show_default=True)
@click.option("--address", default=None)
@click.option("--out", type=click.Path(dir_okay=False), default=None, help="write the table here (.csv or .parquet)")
@click.option("--json", "as_json", is_flag=True)
def sweep(scenario: str, sets: tuple[str, ...], sweep_file: str | None, seed: int, replications: int, workers: int,
          backend: str, address: str | None, out: str | None, as_json: bool) -> None:
    from airshield.runs import open_backend
    from airshield.scenario.overrides import parse_set
    from airshield.runs.sweep import sweep as run_sweep
    parsed = [parse_set(text) for text in sets] + _from_file(sweep_file)
    if not parsed:
        raise InputError("nothing to sweep", path="--set", expected="at least one --set path=v1,v2 or --file")
    with open_backend(backend, workers, address) as runner, progress_bar("sweep points", not as_json) as progress:
        table = run_sweep(scenario, parsed, seed=seed, replications=replications, backend=runner, progress=progress)
    if out:
        _write(table, Path(out))
    if as_json:
        print_json(table.to_dict(orient="records"))
    else:
        print_table("Sweep (95% interval of the mean; p05/p95 over replications)", list(table.columns),
                    table.itertuples(index=False))


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
