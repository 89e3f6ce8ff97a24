"""``airshield history``: summaries and raid lists of the real raid records (national reports)."""

from __future__ import annotations

import click

from airshield.cli.output import print_json, print_table
from airshield.errors import InputError

DATA_HELP = "records CSV (default: the shipped file, 2022-09-28 .. 2025-06-30)"
SOURCES_HELP = "national reports only, plus regional-only windows (fill), or every row (all: double counts)"


@click.group(help="Real raid records (Ivaniuk / Air Force of Ukraine, ODC-BY-1.0): summaries and raids.")
def history() -> None:
    """The command group."""


@history.command(help="Launched, destroyed and EW-lost per period and threat class; the largest raids.")
@click.option("--data", "data", type=click.Path(dir_okay=False), default=None, help=DATA_HELP)
@click.option("--sources", type=click.Choice(["national", "fill", "all"]), default="national", show_default=True,
              help=SOURCES_HELP)
@click.option("--by", type=click.Choice(["month", "quarter", "year"]), default="month", show_default=True)
@click.option("--top", type=click.IntRange(1, 1000), default=10, show_default=True, help="largest raids shown")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
@click.option("--plot", "plot", type=click.Path(dir_okay=False), default=None, help="save a PNG plot here")
def summary(data: str | None, sources: str, by: str, top: int, as_json: bool, plot: str | None) -> None:
    from airshield.history import largest_raids, load_records, plot_summary, summarise
    records = load_records(data)
    table = summarise(records, by=by, sources=sources)
    biggest = largest_raids(records, top=top, sources=sources)
    if plot:
        plot_summary(table, plot)
    if as_json:
        print_json({"periods": _records(table), "largest_raids": _records(biggest),
                    "problems": len(records.problems), "unknown_models": records.unknown_models})
        return
    _show_summary(table, biggest, records)
    if plot:
        click.echo(f"plot saved to {plot}")


@history.command(help="List raids (reporting windows of the national reports).")
@click.option("--data", "data", type=click.Path(dir_okay=False), default=None, help=DATA_HELP)
@click.option("--sources", type=click.Choice(["national", "fill", "all"]), default="national", show_default=True,
              help=SOURCES_HELP)
@click.option("--from", "start", default=None, help="first start date, YYYY-MM-DD")
@click.option("--to", "end", default=None, help="last start date, YYYY-MM-DD (inclusive)")
@click.option("--json", "as_json", is_flag=True, help="print JSON")
def raids(data: str | None, sources: str, start: str | None, end: str | None, as_json: bool) -> None:
    from airshield.history import load_records, raid_table
    table = raid_table(load_records(data), sources)
    table = _between(table, start, end)
    if as_json:
        print_json(_records(table))
        return
    print_table(f"{len(table)} raids", ["id", "end", "rows", "launched", "destroyed", "ew_lost", "classes"],
                table[["id", "end", "rows", "launched", "destroyed", "ew_lost", "classes"]]
                .astype({"end": str}).itertuples(index=False))


def _between(table, start: str | None, end: str | None):
    import pandas as pd
    day = table["start"].dt.normalize()
    keep = pd.Series(True, index=table.index)
    if start:
        keep &= day >= _date(start, "--from")
    if end:
        keep &= day <= _date(end, "--to")
    return table[keep]


def _date(text: str, option: str):
    import pandas as pd
    try:
        return pd.Timestamp(text).normalize()
    except (ValueError, TypeError):
        raise InputError(f"'{text}' is not a date", path=option, expected="YYYY-MM-DD") from None


def _records(table) -> list[dict]:
    import pandas as pd
    out = table.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%dT%H:%M")
    out = out.astype(object).where(out.notna(), None)
    return out.to_dict(orient="records")


def _show_summary(table, biggest, records) -> None:
    columns = ["period", "threat_class", "launched", "destroyed", "ew_lost", "unreported", "raids", "neutralised_share"]
    print_table("Per period and threat class (national reports; defender's claims)", columns,
                table[columns].itertuples(index=False))
    print_table("Largest raids", ["id", "launched", "destroyed", "ew_lost", "classes"],
                biggest[["id", "launched", "destroyed", "ew_lost", "classes"]].itertuples(index=False))
    click.echo(f"{len(records.problems)} rows with problems left out; "
               f"unknown models: {', '.join(records.unknown_models) or 'none'}")
