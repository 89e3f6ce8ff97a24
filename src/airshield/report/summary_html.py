"""A compact HTML table of a run's headline numbers with units (a notebook's view of a RunResult)."""

from __future__ import annotations

from html import escape

from airshield.analysis.measures import HEADLINE
from airshield.numbers import format_interval, format_number


def headline_rows(summary) -> list[tuple[str, str, str]]:
    """(measure, value, unit) of the headline measures of a RunSummary; value lost with its interval."""
    rows = []
    for m in HEADLINE:
        if m.section == "value_lost":
            v = summary.value_lost
            rows.append((f"{m.name} (mean; 95% interval)", f"{format_number(v.mean)} ({format_interval(v.low, v.high)})",
                         m.unit))
        else:
            record = summary.totals if m.section == "totals" else summary.cost
            rows.append((m.name, format_number(getattr(record, m.name)), m.unit))
    share = summary.shares.any_impact
    rows.append(("any_impact (share; 95% interval)", f"{format_number(share.mean)} "
                 f"({format_interval(share.low, share.high)})", share.unit))
    return rows


def summary_table_html(result) -> str:
    """An HTML table of ``result`` (a RunResult): scenario, seed, replications, headline measures."""
    stored = f", stored in <code>{escape(str(result.run_dir))}</code>" if result.run_dir else ""
    body = "".join(f"<tr><td>{escape(a)}</td><td style='text-align:right'>{escape(b)}</td><td>{escape(c)}</td></tr>"
                   for a, b, c in headline_rows(result.summary))
    return (f"<div><b>{escape(result.scenario)}</b>: seed {result.seed}, {result.replications} replications"
            f"{stored}<table><tr><th>measure</th><th>mean per raid</th><th>unit</th></tr>{body}</table></div>")
