"""Tables of a pledge assessment for the terminal."""

from __future__ import annotations

import click

from airshield.cli.output import print_table


def show_assessment(result) -> None:
    """Per-month table of the three cases, run-out days, shortfall and buy list."""
    rows = []
    for m in result.months:
        s, v = m["neutralised_share"], m["value_lost"]
        diff = m.get("minus_on_time", {}).get("value_lost")
        rows.append((m["month"], m["case"], f"{s['mean']:.3f} [{s['ci95'][0]:.3f}, {s['ci95'][1]:.3f}]",
                     f"{v['mean']:.4g} [{v['ci95'][0]:.4g}, {v['ci95'][1]:.4g}]",
                     "-" if diff is None else f"{diff['mean']:+.3g} [{diff['ci95'][0]:+.3g}, {diff['ci95'][1]:+.3g}]",
                     f"{m['launched']:.0f}"))
    print_table("Month by month (95% interval of the mean over replications)",
                ("month", "case", "neutralised share", "value lost", "minus on time", "launched"), rows)
    runout = [(case, k, f"{e['ran_out']}/{e['replications']}", e.get("date", "-"))
              for case, table in result.runout.items() for k, e in table.items()]
    print_table("Interceptor stocks run out (first empty day, mean over replications that ran out)",
                ("case", "munition", "ran out", "date"), runout)
    short = result.shortfall
    click.echo(f"target {short['target']:.3f} ({short['target_basis']}); months below it (on time): "
               f"{', '.join(short['months_below_target']) or 'none'}")
    if result.buy:
        from airshield.cli.buy_view import show_buy
        show_buy(result.buy)
    for key, path in result.files.items():
        click.echo(f"{key}: {path}")
