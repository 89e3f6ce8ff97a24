"""``wta`` commands: solve a weapon-target assignment instance file, generate random instances."""

from __future__ import annotations

import click

from airshield.cli.output import print_json, print_table

SOLVERS = ("greedy", "heuristic", "exact")
"""The solvers offered (the first of airshield.wta.SOLVER_NAMES; listed here so that the CLI starts fast)."""
FAMILIES = ("ahuja", "hard")
"""Instance families of airshield.wta.generate (listed here so that the CLI starts fast)."""


@click.group(help="Static weapon-target assignment: solve benchmark instances, generate new ones.")
def wta() -> None:
    """The command group."""


@wta.command(help="Solve an instance file (format: docs/wta.md).")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--solver", type=click.Choice(SOLVERS), default="heuristic", show_default=True)
@click.option("--time-limit", type=click.FloatRange(min=0, min_open=True), default=None,
              help="seconds (default: heuristic 1, exact 60); the heuristic improves until the limit")
@click.option("--seed", type=click.IntRange(0), default=0, show_default=True, help="heuristic search seed")
@click.option("--json", "as_json", is_flag=True, help="print the result as JSON")
def solve(file: str, solver: str, time_limit: float | None, seed: int, as_json: bool) -> None:
    from airshield.wta import read_instance, solver_by_name
    problem = read_instance(file)
    solution = solver_by_name(solver, seed).solve(problem, time_limit)
    data = solution.to_dict()
    if as_json:
        print_json(data)
        return
    bound = "none" if data["bound"] is None else f"{data['bound']:.6f}"
    gap = "" if data["gap"] is None else f", gap {100 * data['gap']:.4f}%"
    click.echo(f"{file}: {problem.weapons} weapons, {problem.targets} targets; {solver}: "
               f"objective {data['objective']:.6f}, bound {bound}{gap}, "
               f"{'optimal' if data['optimal'] else 'not proven optimal'}, {data['time_s']:.3f} s")
    print_table("assignment", ("weapon", "target", "units"), data["assignment"])


@wta.command(help="Write a random instance: family 'ahuja' (Ahuja et al. 2007: values U[25,100], p U[0.6,0.9]) "
                  "or 'hard' (values integer U{1..100}, p U(0,1), T = 2W).")
@click.option("--family", type=click.Choice(FAMILIES), default="ahuja", show_default=True,
              help="instance distribution")
@click.option("--weapons", "-w", type=click.IntRange(1), required=True)
@click.option("--targets", "-t", type=click.IntRange(1), default=None,
              help="number of targets (required for ahuja; hard uses 2 x weapons)")
@click.option("--mu", type=click.IntRange(0), default=1, show_default=True, help="units per weapon")
@click.option("--sparse", type=click.FloatRange(0, 1, min_open=True), default=None,
              help="share of targets each weapon reaches (default: all)")
@click.option("--seed", type=click.IntRange(0), required=True)
@click.option("--out", type=click.Path(dir_okay=False), required=True)
def generate(family: str, weapons: int, targets: int | None, mu: int, sparse: float | None, seed: int,
             out: str) -> None:
    from airshield.wta import generate as generate_instance, write_instance
    problem = generate_instance(weapons, targets, mu, seed, sparse, family=family)
    write_instance(problem, out)
    click.echo(f"wrote {out}: {family} family, {weapons} weapons, {problem.targets} targets, mu {mu}")
