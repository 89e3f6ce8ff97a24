"""Tables of a procurement answer (``plan buy``, and the buy list of ``pledges assess``)."""

from __future__ import annotations

import click

from airshield.cli.output import print_table


def _iv(x: dict) -> str:
    return f"{x['mean']:.4g} [{x['ci95'][0]:.4g}, {x['ci95'][1]:.4g}]"


def show_buy(data: dict) -> None:
    """Marginal values, the chosen mix with its verification, the verified frontier and saturation."""
    print_table("Marginal value of one step of each option (value lost saved, paired 95% interval)",
                ("option", "origin", "step", "price USD", "saved", "saved per $1bn"),
                [(m["option"], m.get("origin", "-"), m["per_step"], m["price_usd"], _iv(m["saved"]), m["saved_per_busd"])
                 for m in data["marginal"] if m["saved"] is not None])
    price = {o["name"]: o["price_usd"] for o in data["options"]}
    print_table("Chosen mix", ("option", "quantity", "cost USD"),
                [(k, q, q * price[k]) for k, q in data["mix"].items() if q])
    click.echo(f"cost {data['cost']:,.0f} of budget {data['budget']:,.0f} USD")
    v = data["verification"]
    if "chosen" in v:
        click.echo(f"predicted value lost {data['predicted_value_lost']:.4g}; verified ({v['replications']} paired "
                   f"replications) {_iv(v['chosen'])} vs today {_iv(v['today'])}: "
                   f"{'agrees' if v['agrees'] else 'DISAGREES'}")
    print_table("Pareto frontier (each point verified by paired Monte Carlo)",
                ("budget USD", "cost USD", "predicted", "verified", "agrees", "mix"),
                [(f["budget"], f["cost"], f["predicted_value_lost"], _iv(f["verified"]) if "verified" in f else "-",
                  f.get("agrees", "-"), ", ".join(f"{k} x{q}" for k, q in f["mix"].items())) for f in data["frontier"]])
    s = data.get("saturation")
    if s:
        change = f" (change {_iv(s['value_lost_change'])})" if "value_lost_change" in s else ""
        click.echo(f"unspent {s['unspent_usd']:,.0f} USD: {s['explanation']}{change}")
