"""Human view of a run summary: the same numbers as ``--json``, as tables with units."""

from __future__ import annotations

import click

from airshield.cli.output import print_table


def show_run(data: dict) -> None:
    """Print a JSON run summary (``RunResult.to_dict()`` or a stored ``summary.json``) as tables."""
    from airshield.analysis import RunSummary
    from airshield.analysis.measures import COUNTS, measure
    from airshield.numbers import format_interval, format_number
    summary = RunSummary.from_dict(data)
    timing = data.get("timing") or {}
    click.echo(f"scenario {summary.scenario or '?'}: seed {data.get('seed')}, {summary.replications} replications, "
               f"{format_number(timing.get('wall_s'))} s ({format_number(timing.get('per_replication_s'))} s per "
               "replication)")
    rows = [(name, *(getattr(row, k) for k in COUNTS)) for name, row in summary.by_threat.items()]
    rows.append(("all", *(getattr(summary.totals, k) for k in COUNTS)))
    print_table("Threats per raid (means over replications)",
                ("threat", *(measure("by_threat", k).label for k in COUNTS)), rows)
    print_table("Interceptors per raid (means)",
                ("munition", measure("interceptors", "expended").label, measure("interceptors", "cost_usd").label),
                [(m, r.expended, r.cost_usd) for m, r in summary.interceptors.items()])
    value = summary.value_lost
    share, usd = summary.shares.any_impact, measure("cost", "defender_usd").unit
    print_table("Outcome per raid", ("measure", "value", "unit"), [
        ("impacts (warhead-carrying leakers), mean", summary.totals.impacts, measure("totals", "impacts").unit),
        ("value lost, mean", value.mean, value.unit),
        ("value lost, 95% interval of the mean", format_interval(value.low, value.high), value.unit),
        ("value lost, 5th .. 95th percentile of replications", format_interval(value.p05, value.p95), value.unit),
        ("replications with an impact (95% interval)", f"{format_number(share.mean)} "
         f"({format_interval(share.low, share.high)})", share.unit),
        ("defender spend, mean", summary.cost.defender_usd, usd),
        ("attacker spend, mean", summary.cost.attacker_usd, usd),
        ("cost-exchange ratio (defender / attacker)", summary.cost.exchange_ratio, "USD per USD"),
    ])
    if value.method:
        click.echo(f"interval: {value.method}")
