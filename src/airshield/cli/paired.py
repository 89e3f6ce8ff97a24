"""``airshield compare-scenarios``: two scenarios on the same seeds, paired differences."""

from __future__ import annotations

import click

from airshield.cli.output import print_json, print_table

DEFAULT_METRICS = ("value_lost", "bombs_released", "bombs_reached", "carrier_sorties", "carriers_lost",
                   "defender_usd")


@click.command("compare-scenarios", help="Run scenarios A and B on the same seeds (common random numbers) and "
                                         "print each metric's means and the paired difference B - A with its "
                                         "95% interval.")
@click.argument("a")
@click.argument("b")
@click.option("--replications", "-n", type=click.IntRange(2), default=30, show_default=True)
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--workers", "-k", type=click.IntRange(1, 256), default=1, show_default=True)
@click.option("--metric", "metrics", multiple=True,
              help="flat metric column, e.g. bombs_reached or by_threat/su-34/destroyed (repeatable; default: "
                   + ", ".join(DEFAULT_METRICS) + ")")
@click.option("--json", "as_json", is_flag=True)
def compare_scenarios(a: str, b: str, replications: int, seed: int, workers: int, metrics: tuple[str, ...],
                      as_json: bool) -> None:
    from airshield.runs import open_backend
    from airshield.runs.paired import paired_difference
    with open_backend("local", workers) as backend:
        rows = paired_difference(a, b, metrics or DEFAULT_METRICS, seed=seed, replications=replications,
                                 backend=backend)
    if as_json:
        print_json(rows)
        return
    print_table(f"{b} - {a} on {replications} paired seeds (seed {seed}; 95% interval of the mean)",
                ("metric", "A", "B", "B - A", "95% interval"),
                [(r["metric"], f"{r['a_mean']:.2f}", f"{r['b_mean']:.2f}", f"{r['difference']:.2f}",
                  f"{r['difference_ci95'][0]:.2f} .. {r['difference_ci95'][1]:.2f}") for r in rows])
