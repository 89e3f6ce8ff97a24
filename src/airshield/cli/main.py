"""``airshield`` commands: run, validate, scenarios, catalogue, schema, places.

Every command module imports only click and light modules at import time; the API is imported
inside the commands, so that ``airshield --help`` and ``--version`` start fast.
"""

from __future__ import annotations

import sys

import click

from airshield._version import __version__
from airshield.cli.output import print_error, print_json, print_table
from airshield.cli.progress import progress_bar
from airshield.cli.run_options import read_options, run_options
from airshield.defaults import DEFAULT_SCENARIO
from airshield.errors import AirshieldError

KINDS = ("threat", "effector", "sensor", "ew")


@click.group(help="airshield: layered air defence against mass drone and missile raids.")
@click.version_option(__version__, prog_name="airshield")
def cli() -> None:
    """The command group."""


@cli.command(help="Simulate a scenario (a built-in name or a YAML file; default: ukraine-national). The run is "
                  "stored under --out (default runs/) and its folder printed.")
@click.argument("scenario", default=DEFAULT_SCENARIO)
@run_options
@click.option("--keep-events", is_flag=True, help="store every replication's event log (Parquet)")
@click.option("--until-precision", type=click.FloatRange(0, min_open=True), default=None,
              help="add replications until the 95% interval on mean value lost is narrower than this share of the mean")
@click.option("--max-replications", type=click.IntRange(1), default=10_000, show_default=True,
              help="upper limit with --until-precision")
@click.option("--resume", "resume_dir", type=click.Path(file_okay=False), default=None,
              help="complete an interrupted run directory instead of starting one")
@click.option("--set", "sets", multiple=True,
              help="override a scenario field: path=value, e.g. run.tracking=sensors (repeatable)")
@click.option("--report", "with_report", is_flag=True,
              help="also write report.html in the run directory (keeps event logs)")
@click.option("--json", "as_json", is_flag=True, help="print the summary as JSON")
def run(scenario: str, resume_dir: str | None, sets: tuple[str, ...], with_report: bool, as_json: bool,
        **params) -> None:
    from airshield.api import resume, run as run_scenario
    from airshield.cli.run_view import show_run
    params["keep_events"] = params["keep_events"] or with_report
    options = read_options(params)
    with progress_bar("replications", not as_json) as progress:
        fields = {"progress": progress or False}
        if resume_dir:
            result = resume(resume_dir, workers=options.workers, backend=options.backend, address=options.address,
                            **fields)
        else:
            result = run_scenario(scenario, _single_values(sets), **vars(options.replace(**fields)))
    data = result.to_dict()
    if with_report and result.store is not None:
        from airshield.report.html import write_report
        data["report"] = str(write_report(result.store, result.store.dir / "report.html"))
    if as_json:
        print_json(data)
        return
    show_run(data)
    _where(data)


def _where(data: dict) -> None:
    """Tell where the run folder and the report are."""
    if data.get("run_dir"):
        click.echo(f"run folder: {data['run_dir']} (airshield results show {data['run_dir']})")
    if data.get("report"):
        click.echo(f"report: {data['report']}")


@cli.command(help="Check a scenario file: schema, names, positions, stocks, reachability.")
@click.argument("scenario")
@click.option("--json", "as_json", is_flag=True, help="print the result as JSON")
def validate(scenario: str, as_json: bool) -> None:
    from airshield.world import load_world
    world = load_world(scenario)
    info = {"valid": True, "scenario": world.name, "assets": len(world.assets.name),
            "sensors": len(world.sensors.name), "fire_units": len(world.units.name),
            "ew_zones": len(world.ew.name), "threats": world.threat_count}
    if as_json:
        print_json(info)
    else:
        click.echo(f"{scenario}: valid ({info['threats']} threats, {info['fire_units']} fire units, "
                   f"{info['sensors']} sensors incl. fire-control radars, {info['assets']} assets)")


@cli.group(invoke_without_command=True, help="List the built-in scenarios; 'scenarios show NAME' prints one's YAML.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def scenarios(context: click.Context, as_json: bool) -> None:
    if context.invoked_subcommand is not None:
        return
    from airshield.scenario import builtin_names, load_scenario
    rows = [(name, load_scenario(name).description) for name in builtin_names()]
    if as_json:
        print_json([{"name": n, "description": d} for n, d in rows])
    else:
        print_table("Built-in scenarios", ("name", "description"), rows)


@scenarios.command("show", help="Print a built-in scenario's YAML, to start your own from: "
                                "airshield scenarios show kyiv-small > my-raid.yaml")
@click.argument("name")
def scenarios_show(name: str) -> None:
    from airshield.errors import unknown_name
    from airshield.scenario.builtin import builtin_names, builtin_path
    path = builtin_path(name)
    if path is None:
        raise unknown_name("built-in scenario", name, builtin_names(), path="NAME")
    click.echo(path.read_text(encoding="utf-8"), nl=False)


@cli.command(help="Show catalogue types with every figure and its source.")
@click.option("--kind", type=click.Choice(KINDS), default=None, help="only this kind of type")
@click.option("--json", "as_json", is_flag=True)
def catalogue(kind: str | None, as_json: bool) -> None:
    from airshield.catalogue import catalogue_rows, load_catalogue
    cat = load_catalogue()
    kinds = [kind] if kind else list(KINDS)
    rows = {k: catalogue_rows(cat, k) for k in kinds}
    if as_json:
        print_json(rows)
        return
    for k in kinds:
        print_table(f"{k} types", ("type", "field", "value", "unit", "provenance"),
                    [(r["type"], r["field"], r["value"], r["unit"], r["provenance"]) for r in rows[k]])


@cli.command(help="Print the JSON Schema of scenario files (for editors).")
def schema() -> None:
    import json

    from airshield.scenario import Scenario
    click.echo(json.dumps(Scenario.model_json_schema(), indent=2))


@cli.command(help="List the named launch areas a wave's 'launch' may use.")
@click.option("--json", "as_json", is_flag=True)
def places(as_json: bool) -> None:
    from airshield.geo import launch_areas
    table = launch_areas()
    if as_json:
        print_json(table.to_dict(orient="records"))
    else:
        print_table("Launch areas", ("key", "name", "lat", "lon", "radius_km", "kind"),
                    table[["key", "name", "lat", "lon", "radius_km", "kind"]].itertuples(index=False))


def _single_values(sets: tuple[str, ...]) -> dict | None:
    """``--set path=value`` options as {path: value}; one value each (a sweep takes several)."""
    from airshield.errors import InputError
    from airshield.scenario.overrides import parse_set
    overrides = {}
    for text in sets:
        path, values = parse_set(text)
        if len(values) != 1:
            raise InputError(f"'{text}' gives {len(values)} values", path="--set",
                             expected="one value per --set with run (use airshield sweep for several)")
        overrides[path] = values[0]
    return overrides or None


def _register() -> None:
    from airshield.cli.coverage import coverage
    from airshield.cli.doctrine import compare_doctrine
    from airshield.cli.history import history
    from airshield.cli.history_model import calibrate, replay, validate as validate_history
    from airshield.cli.plan import campaign, plan
    from airshield.cli.report import export, report
    from airshield.cli.results import results
    from airshield.cli.sweep import sweep
    from airshield.cli.web import serve
    from airshield.cli.wta import wta
    from airshield.cli.pledges import pledges
    history.add_command(replay)
    history.add_command(validate_history, name="validate")
    for command in (coverage, compare_doctrine, calibrate, plan, campaign, export, report, serve, wta, history,
                    results, sweep, pledges):
        cli.add_command(command)


_register()


def main(argv: list[str] | None = None) -> int:
    """Entry point: runs the CLI; user errors print one line and exit with code 2."""
    try:
        cli.main(args=argv, standalone_mode=False)
    except AirshieldError as exc:
        print_error(str(exc))
        return _exit(2)
    except click.exceptions.Abort:
        print_error("aborted")
        return _exit(1)
    except click.ClickException as exc:
        exc.show()
        return _exit(exc.exit_code)
    return _exit(0)


def _exit(code: int) -> int:
    if __name__ == "__main__" or "pytest" not in sys.modules:
        sys.exit(code)
    return code


if __name__ == "__main__":
    main()
