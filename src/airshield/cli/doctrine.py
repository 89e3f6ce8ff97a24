"""``airshield compare-doctrine``: the same raid under several assignment policies."""

from __future__ import annotations

import click

from airshield.cli.output import print_json, print_table
from airshield.cli.progress import progress_bar


@click.command("compare-doctrine", help="Run the same raid under greedy, cost-aware, WTA and cost-aware WTA "
                                        "policies, with and without shoot-look-shoot; intervals on every figure.")
@click.argument("scenario", default="kyiv-small")
@click.option("--replications", "-n", type=click.IntRange(2), default=20, show_default=True)
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--workers", "-k", type=click.IntRange(1, 256), default=1, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def compare_doctrine(scenario: str, replications: int, seed: int, workers: int, as_json: bool) -> None:
    from airshield.runs import RunOptions
    from airshield.runs.doctrine_compare import compare_doctrine as run_compare
    with progress_bar("policies", not as_json) as progress:
        options = RunOptions(seed=seed, replications=replications, workers=workers, progress=progress or False)
        table = run_compare(scenario, options)
    if as_json:
        print_json(table.to_dict(orient="records"))
        return
    shown = table[table.metric.isin(["value_lost", "value_lost_minus_first", "leaked", "interceptors_expended",
                                     "defender_usd"])]
    print_table("Policies on the same raid (paired seeds; 95% interval of the mean)",
                ("policy", "metric", "unit", "mean", "ci95_low", "ci95_high"),
                shown[["policy", "metric", "unit", "mean", "ci95_low", "ci95_high"]].itertuples(index=False))
