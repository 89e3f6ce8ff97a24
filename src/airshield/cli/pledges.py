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
                [(p.id, p.to_dict()["announced"], p.donor[:28], p.system or p.munition or p.sensor or p.ew or p.reported_as[:22] + " (not in catalogue)",
                  "-" if p.count is None else p.count, _window(p), p.status,
                  p.model_count if p.simulated else "no") for p in rows])
    click.echo("sources: airshield pledges list --json (field 'source'), or the ledger file")


def _window(p) -> str:
    if p.delivery is None:
        return "-"
    first, last = p.delivery
    text = first.isoformat() if first == last else f"{first:%Y-%m}..{last:%Y-%m}"
    return text + (" *" if p.delivery_assumption else "")
