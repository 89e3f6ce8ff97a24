"""The run report: one self-contained, offline ``report.html`` (inline SVG map, PNG plots as data URIs)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from airshield.analysis import RunSummary
from airshield.analysis.measures import COUNTS, measure
from airshield.errors import InputError
from airshield.numbers import format_interval, format_number
from airshield.report import plots
from airshield.report.context import RunContext
from airshield.report.svgmap import render_map
from airshield.runs.store import RunStore, atomic_write_bytes

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0 auto;max-width:1040px;padding:1rem 1.5rem;
color:#1a1a1a;background:#fff;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #e0e0e0;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #d0d0d0;padding:.25rem .6rem;text-align:right}
th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}.muted{color:#555}
.cards{display:flex;flex-wrap:wrap;gap:.6rem}.card{border:1px solid #d0d0d0;border-radius:6px;padding:.5rem .8rem;min-width:9rem}
.card b{display:block;font-size:1.3rem}img{max-width:100%;height:auto}figure{margin:1rem 0}
figcaption{color:#444;font-size:.9rem}
@media print{body{max-width:none;padding:0;font-size:10.5pt}h1,h2,h3{break-after:avoid;page-break-after:avoid}
section#map,figure,table,.cards{break-inside:avoid;page-break-inside:avoid}img,svg{max-height:24cm}
a{color:inherit;text-decoration:none}@page{size:A4;margin:14mm}}
"""


def write_report(run, path: str | Path | None = None, *, replication: int = 0) -> Path:
    """Write the ``report.html`` of a run (a RunResult, a RunStore or a run folder) and return its
    path (default: inside the run folder). A RunResult kept only in memory is stored first, under
    ``runs/`` (see :func:`airshield.runs.save.save_result`)."""
    if not isinstance(run, (RunStore, str, Path)):
        from airshield.runs.save import save_result
        run = save_result(run)
    context = RunContext.open(run)
    target = Path(path) if path is not None else context.store.dir / "report.html"
    atomic_write_bytes(target, render_report(context, replication=replication).encode("utf-8"))
    return target


def render_report(context: RunContext, *, replication: int = 0) -> str:
    """The report's HTML text."""
    summary = context.store.summary()
    if summary is None:
        raise InputError("the run is incomplete: no summary yet", file=str(context.store.dir),
                         expected="a complete run", hint=f"complete it with: airshield run --resume {context.store.dir}")
    meta = context.store.meta()
    tracks = context.tracks(replication) if context.has_events() else None
    typed = RunSummary.from_dict(summary)
    sections = [_header(context, meta, summary), _headline(typed),
                _map_section(context, tracks, replication), _plots(context, summary), _tables(typed), _notes(tracks)]
    title = f"airshield report: {escape(str(meta.get('scenario')))}"
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title>"
            f"<style>{CSS}</style></head><body>\n" + "\n".join(sections) + "\n</body></html>\n")


def _header(context: RunContext, meta: dict, summary: dict) -> str:
    description = escape(context.world.description or "")
    return (f'<header><h1>{escape(str(meta.get("scenario")))}</h1><p class="muted">run {escape(context.store.dir.name)}: '
            f'seed {meta.get("seed")}, {summary.get("replications")} replications, airshield {escape(str(meta.get("airshield_version")))}, '
            f'status {escape(str(meta.get("status")))}</p><p>{description}</p></header>')


def _headline(summary: RunSummary) -> str:
    totals, cost, value = summary.totals, summary.cost, summary.value_lost
    threats = measure("totals", "launched").unit
    cards = [("launched", totals.launched, threats), ("destroyed", totals.destroyed, threats),
             ("EW-lost", totals.ew_lost, threats), ("failed", totals.failed, threats),
             ("leaked", totals.leaked, threats), ("impacts", totals.impacts, threats),
             ("value lost", value.mean, value.unit), ("defender", cost.defender_usd / 1e6, "million USD"),
             ("attacker", cost.attacker_usd / 1e6, "million USD"), ("cost-exchange", cost.exchange_ratio, "USD per USD")]
    items = "".join(f'<div class="card"><b>{format_number(v)}</b>{escape(k)} [{escape(u)}]</div>' for k, v, u in cards)
    return (f'<section id="summary"><h2>Summary</h2><p>Means per raid over the replications. Value lost: mean '
            f'{format_number(value.mean)} {value.unit}, 95 % interval of the mean {format_interval(value.low, value.high)}; '
            f'5th to 95th percentile of replications {format_interval(value.p05, value.p95)}. Interval: '
            f'{escape(value.method)}. Cost-exchange = defender interceptor cost / attacker weapon cost.</p>'
            f'<div class="cards">{items}</div></section>')


def _map_section(context: RunContext, tracks, replication: int) -> str:
    caption = (f"Zoomed to the defended area; the inset shows the theatre and the launch areas (those off the map "
               f"are named at its edge with their distance). Oblasts: geoBoundaries (ODbL, © OpenStreetMap "
               f"contributors); neighbouring countries: Natural Earth. Sensor coverage against a target at "
               f"{context.scene.coverage_altitude_m:.0f} m; ")
    caption += (f"threat routes and impacts of replication {replication}." if tracks is not None else
                "no threat routes: the run kept no event logs (use airshield run --keep-events).")
    svg = render_map(context.scene, tracks, context.world.projection)
    return f'<section id="map"><h2>Map</h2><figure>{svg}<figcaption>{escape(caption)}</figcaption></figure></section>'


def _plots(context: RunContext, summary: dict) -> str:
    figures = [("Outcome by threat type", plots.outcome_by_type(summary)),
               ("Value lost by asset", plots.value_by_asset(summary)),
               ("Interceptors spent and their cost against the attacker's cost", plots.interceptors_and_cost(summary)),
               ("Distribution of value lost over replications", plots.value_distribution(context.store.metrics()))]
    body = "".join(f'<figure><img src="{uri}" alt="{escape(alt)}"><figcaption>{escape(alt)}</figcaption></figure>'
                   for alt, uri in figures)
    return f'<section id="plots"><h2>Plots</h2>{body}</section>'


def _tables(summary: RunSummary) -> str:
    head = ("<tr><th>threat type</th>" + "".join(f"<th>{escape(measure('by_threat', c).label)}</th>" for c in COUNTS)
            + "</tr>")
    rows = "".join(f"<tr><td>{escape(k)}</td>" + "".join(f"<td>{format_number(getattr(r, c))}</td>" for c in COUNTS)
                   + "</tr>" for k, r in summary.by_threat.items())
    ihead = (f"<tr><th>munition</th><th>{escape(measure('interceptors', 'expended').label)}</th>"
             f"<th>{escape(measure('interceptors', 'cost_usd').label)}</th></tr>")
    irows = "".join(f"<tr><td>{escape(k)}</td><td>{format_number(r.expended)}</td><td>{format_number(r.cost_usd)}</td></tr>"
                    for k, r in summary.interceptors.items())
    return (f'<section id="tables"><h2>Tables</h2><h3>Threats by type</h3><table>{head}{rows}</table>'
            f'<h3>Interceptors</h3><table>{ihead}{irows}</table></section>')


def _notes(tracks) -> str:
    return ('<section id="notes"><h2>Notes</h2><p>Figures are means over Monte Carlo replications of an '
            'illustrative model with approximate public catalogue figures; see the scenario file in the run '
            'directory. Threat routes join the positions recorded in the event log: launch, the waypoints of '
            'each route (climb, dog-legs, dive, the points of a ballistic arc), detection, engagement, kill, '
            'EW loss, failure and impact; the engine flies straight between them.</p></section>')
