"""``pledges list`` and ``pledges assess``: the pledge ledger and what it buys, month by month."""

from __future__ import annotations

import click

from airshield.cli.output import print_json, print_table
from airshield.cli.plan import user_errors


@click.group(help="Pledges and deliveries: the ledger, and what the pledges buy month by month.")
def pledges() -> None:
    """The command group."""


@pledges.command(name="list", help="List the pledge ledger (shipped, or --ledger FILE) with sources.")
@click.option("--ledger", "ledger_file", type=click.Path(dir_okay=False), default=None,
              help="YAML or CSV ledger (default: the shipped one)")
@click.option("--simulated", is_flag=True, help="only the rows the assessment simulates")
@click.option("--json", "as_json", is_flag=True)
@user_errors
def list_pledges(ledger_file, simulated, as_json) -> None:
    from airshield.pledges import load_ledger
    ledger = load_ledger(ledger_file)
    rows = [p for p in ledger.pledges if p.simulated or not simulated]
    if as_json:
        print_json([p.to_dict() for p in rows])
        return
    print_table(f"Pledge ledger ({ledger.file})", ("id", "announced", "donor", "item", "count", "delivery", "status",
                                                    "in model"),
                [(p.id, p.to_dict()["announced"], p.donor[:28], _item(p), "-" if p.count is None else p.count, _window(p), p.status,
                  p.model_count if p.simulated else "no") for p in rows])
    click.echo("sources: airshield pledges list --json (field 'source'), or the ledger file")


def _item(p) -> str:
    return p.system or p.munition or p.sensor or p.ew or p.reported_as[:22] + " (not in catalogue)"


def _window(p) -> str:
    if p.delivery is None:
        return "-"
    first, last = p.delivery
    text = first.isoformat() if first == last else f"{first:%Y-%m}..{last:%Y-%m}"
    return text + (" *" if p.delivery_assumption else "")


@pledges.command(help="Run the campaign month by month with the ledger's deliveries and the threat outlook: "
                      "pledges on time, late, and none; shortfall against a target; what a budget buys.")
@click.argument("scenario")
@click.option("--months", type=click.IntRange(1, 120), default=12, show_default=True)
@click.option("--start", default=None, help="first month YYYY-MM (default: the month after the records' last)")
@click.option("--ledger", "ledger_file", type=click.Path(dir_okay=False), default=None,
              help="YAML or CSV ledger (default: the shipped one)")
@click.option("--delay", type=click.IntRange(0, 60), default=3, show_default=True, help="months late in the late case")
@click.option("--outlook", type=click.Choice(["trend", "flat"]), default="trend", show_default=True,
              help="projection of the records' launches")
@click.option("--threat", default=None, help='a threat scenario instead, e.g. "drones:800/week,ballistic:40/month"')
@click.option("--strike-nights", type=click.IntRange(0, 31), default=None,
              help="simulate a drone night and a strike night (missiles on N nights a month) instead of one average night")
@click.option("--stock", "stocks", default=None, help='starting stocks, e.g. "pac-3-mse:300" (default: scenario rounds x 3)')
@click.option("--supply", multiple=True, help='steady deliveries in every case, e.g. "pac-3-mse:+20/month"')
@click.option("--target", type=float, default=None, help="protection target: neutralised share (default: the records' last 3 months)")
@click.option("--budget", type=float, default=18e9, show_default=True, help="budget for the buy list [USD]; 0: no buy list")
@click.option("--options", "options_file", type=click.Path(dir_okay=False), default=None, help="procurement options table")
@click.option("--buy-replications", type=click.IntRange(2), default=4, show_default=True,
              help="replications of each design point of the buy list (verifications use 20)")
@click.option("--replications", "-n", type=click.IntRange(2), default=10, show_default=True)
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--workers", "-k", type=click.IntRange(1, 256), default=1, show_default=True)
@click.option("--out", type=click.Path(file_okay=False), default="plans/pledges", show_default=True)
@click.option("--report", "with_report", is_flag=True, help="also write report.html in --out")
@click.option("--json", "as_json", is_flag=True)
@user_errors
def assess(scenario, months, start, ledger_file, delay, outlook, threat, strike_nights, stocks, supply, target, budget,
           options_file, buy_replications, replications, seed, workers, out, with_report, as_json) -> None:
    from airshield.pledges.assess import assess_pledges
    result = assess_pledges(scenario, months=months, start=start, ledger=ledger_file, delay=delay, outlook=outlook,
                            threat=threat, strike_nights=strike_nights, stocks=stocks, supply=list(supply),
                            target=target, budget=budget or None, buy_options=options_file,
                            buy_replications=buy_replications,
                            replications=replications, seed=seed, workers=workers, out=out)
    if with_report:
        from airshield.report.pledges import write_pledges_report
        result.files["report"] = str(write_pledges_report(result, out))
    if as_json:
        print_json(result.to_dict())
        return
    from airshield.cli.pledges_view import show_assessment
    show_assessment(result)


@pledges.command(name="june-2025", help="A month of the war as reported: June 2025's nights from the records, "
                                        "simulated in order with depleting stocks, compared with the records.")
@click.argument("scenario", default="ukraine-national")
@click.option("--replications", "-n", type=click.IntRange(1), default=3, show_default=True)
@click.option("--nights", type=click.IntRange(1), default=None, help="only the first N nights")
@click.option("--seed", type=click.IntRange(0), default=1, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@user_errors
def june_2025(scenario, replications, nights, seed, as_json) -> None:
    from airshield.pledges.june2025 import run_june_2025
    data = run_june_2025(scenario, replications=replications, seed=seed, nights=nights)
    if as_json:
        print_json(data)
        return
    print_table(f"June 2025 as reported vs simulated ({len(data['nights'])} nights, {replications} replications)",
                ("group", "launched (records)", "neutralised share (records)", "simulated [95% interval]"),
                [(g, data["records"][g]["launched"], f"{v['records']:.3f}",
                  f"{v['simulated']['mean']:.3f} [{v['simulated']['ci95'][0]:.3f}, {v['simulated']['ci95'][1]:.3f}]")
                 for g, v in data["groups"].items()])
    s = data["simulated_all"]
    click.echo(f"all: records {data['records_all']:.3f}, simulated {s['mean']:.3f} [{s['ci95'][0]:.3f}, {s['ci95'][1]:.3f}]")
    click.echo(f"interceptors: {data['interceptors_records']}")
