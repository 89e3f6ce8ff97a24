"""Procurement options: systems and interceptor packs with price, lead time and availability."""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from airshield.catalogue import Catalogue
from airshield.errors import InputError, did_you_mean

# ASSUMPTION (labelled): availability limits and lead times of the default table are illustrative,
# not sourced; prices are the catalogue's system and per-shot costs.
DEFAULT_SYSTEMS = {"patriot": (4, 540), "iris-t-slm": (8, 365), "nasams": (6, 365), "samp-t": (2, 540),
                   "gepard": (30, 180), "skynex": (6, 270), "interceptor-drone-team": (200, 30),
                   "mobile-fire-group": (100, 30)}
DEFAULT_PACKS = {"pac-3-mse": (100, 10, 365), "iris-t": (100, 10, 270), "amraam": (100, 10, 270),
                 "sting": (1000, 20, 30), "aster-30": (100, 5, 365)}
# What Ukraine's own industry makes, with a monthly capacity [steps/month] (ASSUMPTIONS, labelled):
# interceptor drones: "40,000 interceptors expected to be delivered this month" (Fedorov, late 2025, via
# an aggregator; pledges ledger row B2-40k) -> 40 packs of 1,000 a month; interceptor-drone teams and
# mobile fire groups: 50 and 20 a month, not sourced.
DOMESTIC = {"sting": 40, "interceptor-drone-team": 50, "mobile-fire-group": 20}


@dataclass(frozen=True)
class Option:
    """One step of something to buy: ``per_step`` systems of ``system`` or rounds of ``munition``."""

    name: str
    kind: str            # 'system' or 'rounds'
    key: str             # effector type or munition key
    per_step: int        # systems or rounds per step [-]
    price_usd: float     # per step [USD]
    lead_time_days: float
    max_steps: int       # availability limit [steps]
    source: str
    origin: str = "foreign"                   # 'foreign' or 'domestic' (Ukraine's own industry)
    capacity_per_month: float | None = None   # production capacity [steps/month], None: no limit

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def available_steps(self, horizon_days: float | None = None) -> int:
        """Steps available within ``horizon_days`` [days] after ordering: the availability limit, and
        for a capacity-limited option what it can produce after its lead time [steps]."""
        if horizon_days is None or self.capacity_per_month is None:
            return self.max_steps
        months = max(0.0, horizon_days - self.lead_time_days) / 30.0
        return int(min(self.max_steps, self.capacity_per_month * months))


def default_options(catalogue: Catalogue, carried: set[str]) -> list[Option]:
    """Catalogue systems and interceptor packs (packs only for munitions the scenario's units carry)."""
    out = []
    for key, (limit, lead) in DEFAULT_SYSTEMS.items():
        effector = catalogue.get_effector(key)
        out.append(Option(f"+1 {key}", "system", key, 1, float(effector.system_cost_usd), lead, limit,
                          "catalogue system_cost_usd; availability and lead time: assumption",
                          *_origin(key)))
    for munition_key, (per, limit, lead) in DEFAULT_PACKS.items():
        if munition_key not in carried:
            continue
        cost = next(m.cost_per_shot_usd for e in catalogue.effectors.values() for m in e.munitions if m.key == munition_key)
        out.append(Option(f"+{per} {munition_key}", "rounds", munition_key, per, float(cost) * per, lead, limit,
                          "catalogue cost_per_shot_usd x rounds; availability and lead time: assumption",
                          *_origin(munition_key)))
    return out


def _origin(key: str) -> tuple[str, float | None]:
    return ("domestic", float(DOMESTIC[key])) if key in DOMESTIC else ("foreign", None)


def read_options(path: str | Path, catalogue: Catalogue) -> list[Option]:
    """Options from YAML (list of mappings) or CSV with columns name, system|munition, per_step,
    price_usd, lead_time_days, max_steps."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such file", file=str(path), path="--options")
    if path.suffix in (".yaml", ".yml"):
        import yaml
        from airshield.scenario.yaml_io import read_text
        rows = yaml.safe_load(read_text(path))
        if isinstance(rows, dict):
            rows = rows.get("options")
    else:
        with path.open(newline="") as handle:
            rows = [{k: v for k, v in r.items() if v not in ("", None)} for r in csv.DictReader(handle)]
    if not isinstance(rows, list) or not rows:
        raise InputError("no options found", file=str(path), expected="a list of options")
    return [_option(row, i, str(path), catalogue) for i, row in enumerate(rows)]


def _option(row: Any, i: int, file: str, catalogue: Catalogue) -> Option:
    where = f"[{i}]"
    if not isinstance(row, dict):
        raise InputError("an option must be a mapping", file=file, path=where)
    munitions = sorted({m.key for e in catalogue.effectors.values() for m in e.munitions})
    if "system" in row:
        kind, key, known = "system", str(row["system"]), list(catalogue.effectors)
    elif "munition" in row:
        kind, key, known = "rounds", str(row["munition"]), munitions
    else:
        raise InputError("give 'system' or 'munition'", file=file, path=where)
    if key not in known:
        raise InputError(f"unknown {kind} '{key}'", file=file, path=f"{where}.{'system' if kind == 'system' else 'munition'}",
                         hint=did_you_mean(key, known))
    if row.get("price_usd") in (None, ""):
        raise InputError("option has no price", file=file, path=f"{where}.price_usd", expected="a price per step [USD]")
    try:
        price = float(row["price_usd"])
        per = int(row.get("per_step", 1 if kind == "system" else 100))
        limit = int(row.get("max_steps", 1))
        lead = float(row.get("lead_time_days", 0))
    except (TypeError, ValueError):
        raise InputError("price_usd, per_step, max_steps and lead_time_days must be numbers", file=file, path=where) from None
    if price <= 0 or per < 1 or limit < 0 or lead < 0:
        raise InputError("price must be > 0, per_step >= 1, max_steps and lead_time_days >= 0", file=file, path=where)
    name = str(row.get("name") or f"+{per} {key}")
    origin = str(row.get("origin", "foreign"))
    if origin not in ("foreign", "domestic"):
        raise InputError(f"origin '{origin}'", file=file, path=f"{where}.origin", expected="foreign or domestic")
    try:
        capacity = None if row.get("capacity_per_month") in (None, "") else float(row["capacity_per_month"])
    except (TypeError, ValueError):
        raise InputError("capacity_per_month must be a number", file=file, path=f"{where}.capacity_per_month") from None
    if capacity is not None and capacity < 0:
        raise InputError("capacity_per_month must be >= 0", file=file, path=f"{where}.capacity_per_month")
    return Option(name, kind, key, per, price, lead, limit, f"{file}", origin, capacity)
