"""``airshield results list|show|compare``: the stored runs."""

from __future__ import annotations

from pathlib import Path

import click

from airshield.cli.output import print_json, print_table


@click.group(help="Inspect stored runs (a folder of run directories, default runs/).")
def results() -> None:
    """The results command group."""


@results.command("list", help="List the runs in a folder.")
@click.option("--dir", "root", type=click.Path(file_okay=False), default="runs", show_default=True)
@click.option("--json", "as_json", is_flag=True)
def list_command(root: str, as_json: bool) -> None:
    from airshield.runs import list_runs
    rows = []
    for store in list_runs(Path(root)):
        meta = store.meta()
        summary = store.summary() or {}
        rows.append({"run": store.dir.name, "scenario": meta.get("scenario"), "status": meta.get("status"),
                     "seed": meta.get("seed"), "replications": meta.get("replications", meta.get("replications_requested")),
                     "value_lost_mean": (summary.get("value_lost") or {}).get("mean")})
    if as_json:
        print_json(rows)
    else:
        print_table(f"Runs in {root}", ("run", "scenario", "status", "seed", "replications",
                                        "value_lost_mean [value points]"),
                    [tuple(r.values()) for r in rows])


@results.command(help="Show one run's metadata and summary.")
@click.argument("run_dir", type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True)
def show(run_dir: str, as_json: bool) -> None:
    from airshield.cli.run_view import show_run
    from airshield.runs import RunStore
    store = RunStore.open(Path(run_dir))
    meta, summary = store.meta(), store.summary()
    if as_json:
        print_json({"meta": meta, "summary": summary})
    elif summary is None:
        click.echo(f"{run_dir}: {meta.get('status')} ({len(store.metrics())} replications stored); "
                   f"complete it with: airshield run --resume {run_dir}")
    else:
        show_run(summary)


@results.command(help="Compare the summaries of two or more runs side by side.")
@click.argument("run_dirs", nargs=-1, required=True, type=click.Path(file_okay=False))
@click.option("--json", "as_json", is_flag=True)
def compare(run_dirs: tuple[str, ...], as_json: bool) -> None:
    from airshield.runs.compare import compare_runs
    table = compare_runs([Path(d) for d in run_dirs])
    if as_json:
        print_json(table.to_dict(orient="records"))
    else:
        units = table.attrs.get("units", {})
        print_table("Runs compared (means over replications)", ["measure", "unit", *table.columns[1:]],
                    [(row[0], units.get(row[0], ""), *row[1:]) for row in table.itertuples(index=False)])
