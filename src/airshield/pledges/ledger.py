"""The pledge ledger: one row per public pledge or delivery report, validated against the catalogue.

Shipped as ``pledges/data/ledger.yaml`` (see its README for fields, sources and caveats); users give
their own with ``--ledger FILE`` (YAML ``pledges: [...]`` or CSV with the same columns).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from airshield.catalogue import Catalogue
from airshield.errors import InputError
from airshield.pledges.dates import parse_period
from airshield.pledges.rows import read_rows
from airshield.pledges.checks import check_links, check_row_keys, check_status, count_of, item_keys

STATUSES = ("announced", "delivering", "delivered")


@dataclass(frozen=True)
class Pledge:
    """One row: what was pledged, when, when it is expected, and where it was reported.

    ``count`` counts ``system`` when given, else ``munition``; ``rounds`` are munitions delivered with
    the systems [rounds]. ``delivery`` is the expected window (first day, last day), or None.
    """

    id: str
    donor: str
    reported_as: str
    system: str | None
    munition: str | None
    sensor: str | None
    ew: str | None
    count: int | None
    rounds: int | None
    announced: tuple[dt.date, dt.date]
    delivery: tuple[dt.date, dt.date] | None
    delivery_assumption: str | None
    status: str
    cost_usd: float | None
    cost_as_reported: str | None
    source: str
    notes: str | None
    includes: tuple[str, ...] = ()
    not_counted: str | None = None
    model_count: int | None = field(default=None)

    @property
    def simulated(self) -> bool:
        """Whether the assessment adds this row's systems or rounds (a count, a window, a fire unit
        or munition of the catalogue, and not a repeat of another row)."""
        return (self.not_counted is None and self.delivery is not None and bool(self.model_count)
                and (self.system is not None or self.munition is not None))

    def to_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in ("id", "donor", "reported_as", "system", "munition", "sensor", "ew",
                                              "count", "rounds", "status", "cost_usd", "cost_as_reported",
                                              "source", "notes", "delivery_assumption", "not_counted")}
        out["announced"] = _span_text(self.announced)
        out["delivery"] = None if self.delivery is None else {"from": self.delivery[0].isoformat(),
                                                              "to": self.delivery[1].isoformat()}
        out["includes"] = list(self.includes)
        out["model_count"] = self.model_count
        out["simulated"] = self.simulated
        return out


@dataclass(frozen=True)
class Ledger:
    """The validated rows and the file they came from."""

    file: str
    pledges: tuple[Pledge, ...]

    def by_id(self) -> dict[str, Pledge]:
        return {p.id: p for p in self.pledges}

    def to_list(self) -> list[dict[str, Any]]:
        return [p.to_dict() for p in self.pledges]


def shipped_ledger_path() -> Path:
    """The ledger shipped with airshield."""
    return Path(str(resources.files("airshield.pledges") / "data" / "ledger.yaml"))


def load_ledger(path: str | Path | None = None, catalogue: Catalogue | None = None) -> Ledger:
    """Read and validate a ledger (default: the shipped one). Raises InputError naming file, row, field."""
    from airshield.catalogue import load_catalogue
    catalogue = catalogue or load_catalogue()
    file = str(path) if path is not None else str(shipped_ledger_path())
    rows = read_rows(Path(file))
    pledges = [_pledge(row, i, file, catalogue) for i, row in enumerate(rows)]
    pledges = check_links(pledges, file)
    return Ledger(file, tuple(pledges))


def _pledge(row: Any, i: int, file: str, catalogue: Catalogue) -> Pledge:
    where = f"pledges[{i}]"
    if not isinstance(row, dict):
        raise InputError("a pledge must be a mapping", file=file, path=where)
    check_row_keys(row, file, where)
    keys = item_keys(row, file, where, catalogue)
    status = check_status(row, file, where, STATUSES)
    announced = parse_period(row["announced"], file=file, path=f"{where}.announced")
    delivery = _delivery(row, file, where, announced)
    text = {k: (None if row.get(k) in (None, "") else str(row[k]))
            for k in ("delivery_assumption", "cost_as_reported", "notes", "not_counted")}
    source = str(row.get("source") or "").strip()
    if not source:
        raise InputError("a pledge needs a public source", file=file, path=f"{where}.source",
                         expected="outlet, address and report date")
    return Pledge(id=str(row["id"]), donor=str(row["donor"]), reported_as=str(row.get("reported_as") or ""),
                  **keys, count=count_of(row, "count", file, where), rounds=count_of(row, "rounds", file, where),
                  announced=announced, delivery=delivery, status=status,
                  cost_usd=_cost(row, file, where), source=source,
                  includes=tuple(str(x) for x in (row.get("includes") or ())), **text)


def _delivery(row: dict, file: str, where: str, announced: tuple[dt.date, dt.date]):
    window = row.get("delivery")
    if window in (None, ""):
        return None
    if not isinstance(window, dict) or "from" not in window or "to" not in window:
        raise InputError("delivery must be {from: date, to: date}", file=file, path=f"{where}.delivery")
    first = parse_period(window["from"], file=file, path=f"{where}.delivery.from")[0]
    last = parse_period(window["to"], file=file, path=f"{where}.delivery.to")[1]
    if last < first:
        raise InputError(f"delivery window ends ({last}) before it starts ({first})", file=file,
                         path=f"{where}.delivery", expected="from <= to")
    if last < announced[0]:
        raise InputError(f"delivery ({last}) before the announcement ({announced[0]})", file=file,
                         path=f"{where}.delivery", expected="a delivery on or after the announced date")
    return first, last


def _cost(row: dict, file: str, where: str) -> float | None:
    value = row.get("cost_usd")
    if value in (None, ""):
        return None
    try:
        cost = float(value)
    except (TypeError, ValueError):
        raise InputError(f"cost_usd '{value}' is not a number", file=file, path=f"{where}.cost_usd") from None
    if cost < 0:
        raise InputError(f"cost_usd {cost} is negative", file=file, path=f"{where}.cost_usd", expected="0 or more")
    return cost


def _span_text(span: tuple[dt.date, dt.date]) -> str:
    first, last = span
    if first == last:
        return first.isoformat()
    if first.day == 1 and first.month == last.month and first.year == last.year:
        return first.strftime("%Y-%m")
    if first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31 and first.year == last.year:
        return str(first.year)
    return f"{first.isoformat()}..{last.isoformat()}"
