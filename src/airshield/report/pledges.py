"""The offline HTML report of a pledge assessment: the three cases over months, run-out dates, the
ledger with its sources, the shortfall and the buy list with intervals (works from the JSON dict,
so the same report renders from plan.json)."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from airshield.report.html import CSS
from airshield.report.pledges_plots import cases_plot, stocks_plot
from airshield.runs.store import atomic_write_bytes


def write_pledges_report(result, out: str | Path) -> Path:
    """Write ``report.html`` into ``out`` for an assessment (object with ``to_dict``, or its dict)."""
    data = result.to_dict() if hasattr(result, "to_dict") else result
    path = Path(out) / "report.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, render_pledges_report(data).encode("utf-8"))
    return path


def render_pledges_report(data: dict[str, Any]) -> str:
    """The report's HTML text."""
    from airshield.pledges import load_ledger
    s = data["settings"]
    ledger = load_ledger(s.get("ledger"))
    sections = [
        f"<header><h1>Pledges: {escape(str(s['scenario']))}</h1><p class=\"muted\">{s['months']} months from "
        f"{escape(s['start'])}; {s['replications']} replications per month, seed {s['seed']}; late case: "
        f"{s['delay_months']} months; outlook: {escape(str(s['outlook']))}</p></header>",
        f"<h2>Three cases</h2><figure><img alt=\"cases over months\" src=\"{cases_plot(data)}\"><figcaption>Mean "
        "and 95 % interval of the mean over replications; the cases share their nights' seeds (common random "
        "numbers).</figcaption></figure>",
        f"<figure><img alt=\"stocks\" src=\"{stocks_plot(data)}\"></figure>",
        _months_table(data["months"]), _runout(data["runout"]), _shortfall(data["shortfall"]),
        _buy(data.get("buy")), _ledger(ledger)]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>airshield pledges</title>"
            f"<style>{CSS}</style></head><body>\n" + "\n".join(sections) + "\n</body></html>\n")


def _iv(x: dict | None, digits: int = 3) -> str:
    if not x:
        return "-"
    return f"{x['mean']:.{digits}g} [{x['ci95'][0]:.{digits}g}, {x['ci95'][1]:.{digits}g}]"


def _table(head: tuple, rows: list[tuple]) -> str:
    th = "".join(f"<th>{escape(str(h))}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in r) + "</tr>" for r in rows)
    return f"<table><tr>{th}</tr>{body}</table>"


def _months_table(months: list[dict]) -> str:
    rows = [(m["month"], m["case"], _iv(m["neutralised_share"]), _iv(m["value_lost"]),
             _iv(m.get("minus_on_time", {}).get("value_lost")), f"{m['launched']:.0f}") for m in months]
    return "<h2>Month by month</h2>" + _table(("month", "case", "neutralised share", "value lost",
                                               "value lost minus on time (paired)", "launched"), rows)


def _runout(runout: dict) -> str:
    rows = [(case, k, f"{e['ran_out']}/{e['replications']}", e.get("date", "-"), e.get("note", ""))
            for case, table in runout.items() for k, e in table.items()]
    return "<h2>Stocks run out</h2>" + _table(("case", "munition", "ran out", "mean date", "note"), rows)


def _shortfall(short: dict) -> str:
    rows = [(r["month"], _iv(r["share"]), f"{r['gap']:+.3f}", f"{r['weapons_short']:.0f}") for r in short["months"]]
    return (f"<h2>Shortfall</h2><p>Target: neutralised share {short['target']:.3f} ({escape(short['target_basis'])}). "
            f"Months below it beyond the interval: {escape(', '.join(short['months_below_target']) or 'none')}.</p>"
            + _table(("month", "share (on time)", "gap to target", "weapons short"), rows))


def _buy(buy: dict | None) -> str:
    if not buy or "mix" not in buy:
        return "<h2>Buy list</h2><p>No buy list (budget 0).</p>"
    price = {o["name"]: o["price_usd"] for o in buy["options"]}
    mix = [(k, q, f"{q * price[k]:,.0f}") for k, q in buy["mix"].items() if q]
    v = buy["verification"]
    front = [(f"{f['budget']:,.0f}", f"{f['cost']:,.0f}", f"{f['predicted_value_lost']:.4g}", _iv(f.get("verified"), 4),
              f.get("agrees", "-")) for f in buy["frontier"]]
    sat = buy.get("saturation")
    return ("<h2>Buy list</h2>" + f"<p>{escape(buy.get('objective', ''))}</p>" + _table(("option", "quantity", "cost USD"), mix)
            + f"<p>Cost {buy['cost']:,.0f} of {buy['budget']:,.0f} USD. Predicted value lost "
            f"{buy['predicted_value_lost']:.4g}; verified {_iv(v.get('chosen'), 4)} against today "
            f"{_iv(v.get('today'), 4)} ({'agrees' if v.get('agrees') else 'disagrees'}).</p>"
            + (f"<p>{escape(sat['explanation'])}</p>" if sat else "")
            + _table(("budget USD", "cost USD", "predicted", "verified", "agrees"), front))


def _ledger(ledger) -> str:
    rows = [(p.id, p.to_dict()["announced"], p.donor, p.reported_as, p.count if p.count is not None else "-",
             p.model_count if p.simulated else "no", p.status, p.source) for p in ledger.pledges]
    return "<h2>Ledger</h2>" + _table(("id", "announced", "donor", "as reported", "count", "in model", "status",
                                       "source"), rows)
