"""The options ``run`` and ``sweep`` share, with the same defaults, read into one RunOptions."""

from __future__ import annotations

import click

from airshield.defaults import DEFAULT_RUNS

OPTIONS = (
    click.option("--seed", type=click.IntRange(0), default=None, help="run seed (default: the scenario's run.seed)"),
    click.option("--replications", "-n", type=click.IntRange(1, 1_000_000), default=None,
                 help="Monte Carlo replications (default: the scenario's run.replications)"),
    click.option("--workers", "-k", type=click.IntRange(1, 256), default=1, show_default=True, help="parallel workers"),
    click.option("--backend", default="local", show_default=True, help="local (processes) or ray"),
    click.option("--address", default=None, help="Ray head address host:port (default: start a local Ray)"),
    click.option("--out", type=click.Path(), default=DEFAULT_RUNS, show_default=True,
                 help="folder the run folder is stored under"),
    click.option("--no-store", is_flag=True, help="store nothing (keep the results in memory only)"),
)


def run_options(command):
    """Add the shared options to a click command."""
    for option in reversed(OPTIONS):
        command = option(command)
    return command


def read_options(params: dict, **more):
    """The RunOptions of the click ``params`` left for it (the shared options and any other
    RunOptions field) and ``more``."""
    from airshield.runs.options import RunOptions
    if params.pop("no_store"):
        params["out"] = None
    return RunOptions(**params, **more)
