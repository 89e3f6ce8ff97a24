"""Campaign: a sequence of nightly raids against depleting interceptor stocks, with deliveries.

Each replication is a whole campaign. Each day: deliveries arrive, the national pool of each
munition is shared among the fire units that carry it (``stocks.arm``), the night's raid (the
scenario's drone waves and missile waves scaled by the schedule) is simulated once, and the rounds
fired are taken from the pool:  end = start + delivered - fired  per munition per day (checked).
Assets are whole again each night (damage does not accumulate); launchers are reloaded from the pool
between nights. See docs/planning.md.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from airshield.analysis import mean_interval
from airshield.analysis.metrics import replication_metrics
from airshield.engine.replication import run_replication
from airshield.errors import InputError
from airshield.planning.common import interval, load_base, parse_counts, world_of, write_record
from airshield.planning.schedule import (
    DRONE_CLASSES, Night, default_nights, delivered, file_nights, parse_rates, recent_drone_ratios,
)
from airshield.planning.stocks import arm, carried, scenario_rounds

DEFAULT_STOCK_FACTOR = 3
RAID_STREAM = 1_000_000


@dataclass
class CampaignResult:
    """Per-day tables (stocks, losses) for the base case and each what-if, run-out days, settings."""

    stocks: pd.DataFrame
    losses: pd.DataFrame
    runout: dict[str, dict[str, Any]]
    totals: dict[str, dict[str, Any]]
    settings: dict[str, Any]
    timing: dict[str, float]
    files: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mean_stock = (self.stocks.groupby(["case", "munition", "day"])["end"].mean().reset_index()
                      .to_dict(orient="records"))
        mean_loss = self.losses.groupby(["case", "day"])["value_lost"].mean().reset_index().to_dict(orient="records")
        return {"runout": self.runout, "value_lost": self.totals, "mean_stock_by_day": mean_stock,
                "mean_value_lost_by_day": mean_loss, "settings": self.settings, "timing": self.timing,
                "files": self.files}

    def runout_rows(self) -> list[tuple]:
        rows = []
        for case, table in self.runout.items():
            for munition, r in table.items():
                rows.append((case, munition, f"{r['ran_out']}/{r['replications']}",
                             "-" if r["mean_day"] is None else r["mean_day"],
                             "-" if r["ci95"] is None else r["ci95"][0], "-" if r["ci95"] is None else r["ci95"][1]))
        return rows

    def loss_rows(self) -> list[tuple]:
        return [(case, v["mean"], v["ci95"][0], v["ci95"][1]) for case, v in self.totals.items()]


def run_campaign(source: str | Path, *, days: int = 90, raids: str | Path | None = None, stocks: str | None = None,
                 deliveries: list[str] | None = None, what_ifs: list[str] | None = None, missile_every: int = 7,
                 attacker_growth: float = 0.0, replications: int = 3, seed: int = 1,
                 out: str | Path | None = None, plot: str | Path | None = None) -> CampaignResult:
    """Simulate the campaign (see module doc) for the base case and each what-if."""
    start_clock = time.perf_counter()
    if days < 1 or replications < 1:
        raise InputError("days and replications must be 1 or more", path="--days")
    if attacker_growth <= -1:
        raise InputError(f"attacker growth {attacker_growth}", path="--attacker-growth", expected="more than -1")
    base = load_base(source)
    world = world_of(base.document, label=str(base.path))
    catalogue = base.catalogue
    units = list(base.document.get("fire_units", []))
    munitions = sorted(carried(units, catalogue))
    start_pool = {k: DEFAULT_STOCK_FACTOR * v for k, v in scenario_rounds(units, catalogue).items()}
    start_pool = {k: start_pool.get(k, 0) for k in munitions}
    if stocks:
        start_pool.update(parse_counts(stocks, munitions, option="--stock", kind="munition"))
    base_rates = parse_rates(deliveries or [], munitions, option="--delivery")
    cases = {"base": base_rates}
    for text in what_ifs or []:
        extra = parse_rates([text], munitions, option="--what-if")
        cases[f"what-if {text}"] = {k: base_rates.get(k, 0.0) + extra.get(k, 0.0) for k in set(base_rates) | set(extra)}
    drone_waves, missile_waves = _split_waves(base.document, catalogue)
    ratios = None if raids else recent_drone_ratios()
    stock_rows, loss_rows = [], []
    for r in range(replications):
        if raids:
            nights = file_nights(raids, days)
        else:
            rng = np.random.default_rng(np.random.SeedSequence(seed, spawn_key=(r, RAID_STREAM)))
            nights = default_nights(days, rng, ratios, missile_every, attacker_growth)
        for case, rates in cases.items():
            s, l = _one_campaign(base, units, catalogue, nights, drone_waves, missile_waves, start_pool, rates,
                                 seed=seed, replication=r)
            stock_rows += [{"case": case, **row} for row in s]
            loss_rows += [{"case": case, **row} for row in l]
    stock_table, loss_table = pd.DataFrame(stock_rows), pd.DataFrame(loss_rows)
    runout = {case: _runout(stock_table[stock_table.case == case], munitions, replications, days) for case in cases}
    totals = {case: interval(loss_table[loss_table.case == case].groupby("replication")["value_lost"].sum().to_numpy(),
                             lower=0.0)
              for case in cases}
    settings = {"scenario": str(base.source), "days": days, "raids": str(raids) if raids else None,
                "start_stocks": start_pool, "start_stocks_default": f"{DEFAULT_STOCK_FACTOR} x the scenario's rounds "
                "(loaded + magazine) unless --stock gives them", "deliveries": deliveries or [],
                "what_ifs": what_ifs or [], "missile_every": missile_every, "attacker_growth": attacker_growth,
                "replications": replications, "seed": seed,
                "seeds": "night d of replication r: SeedSequence(seed, spawn_key=(r, d)); raid sizes: "
                         f"SeedSequence(seed, spawn_key=(r, {RAID_STREAM}))",
                "raid_sizes": "drone waves x a ratio drawn from the records' raids of the last 180 days / their median"
                              if not raids else "from the raids file"}
    result = CampaignResult(stock_table, loss_table, runout, totals, settings,
                            {"total_s": time.perf_counter() - start_clock,
                             "nights_simulated": int(len(loss_table[loss_table.simulated]))})
    if out is not None:
        _write(Path(out), base, result, plot)
    elif plot is not None:
        _plot(result, Path(plot))
    return result


def _split_waves(document: dict, catalogue) -> tuple[list[dict], list[dict]]:
    waves = document["raid"]["waves"]
    drones = [w for w in waves if catalogue.get_threat(w["threat"]).threat_class in DRONE_CLASSES]
    missiles = [w for w in waves if catalogue.get_threat(w["threat"]).threat_class not in DRONE_CLASSES]
    return drones, missiles


def _night_document(base, units, drone_waves, missile_waves, night: Night) -> dict | None:
    waves = []
    for group, scale in ((drone_waves, night.drones), (missile_waves, night.missiles)):
        for wave in group:
            count = int(round(wave["count"] * scale))
            if count > 0:
                waves.append(dict(wave, count=count))
    if not waves or not units:
        return None
    raid = dict(base.document["raid"], waves=waves)
    return dict(base.document, raid=raid, fire_units=units)


def _one_campaign(base, units, catalogue, nights, drone_waves, missile_waves, start_pool, rates, *, seed: int,
                  replication: int) -> tuple[list[dict], list[dict]]:
    pool = dict(start_pool)
    stock_rows, loss_rows = [], []
    for night in nights:
        arrived = {k: delivered(rates.get(k, 0.0), night.day) for k in pool}
        start = dict(pool)
        available = {k: start[k] + arrived[k] for k in pool}
        armed, issued = arm(units, available, catalogue)
        assert issued == {k: v for k, v in available.items() if k in issued}
        document = _night_document(base, armed, drone_waves, missile_waves, night)
        fired: dict[str, int] = {}
        value_lost = 0.0
        if document is not None:
            world = world_of(document, label=f"{base.path} (campaign day {night.day + 1})")
            log = run_replication(world, np.random.SeedSequence(seed, spawn_key=(replication, night.day)))
            metrics = replication_metrics(world, log)
            fired = {k: int(v["expended"]) for k, v in metrics.interceptors.items()}
            value_lost = metrics.value_lost
        for k in pool:
            used = fired.get(k, 0)
            if used > available[k]:
                raise RuntimeError(f"fired {used} {k} with {available[k]} available")  # engine invariant
            pool[k] = available[k] - used
            stock_rows.append({"replication": replication, "day": night.day + 1, "munition": k, "start": start[k],
                               "delivered": arrived[k], "fired": used, "end": pool[k]})
        loss_rows.append({"replication": replication, "day": night.day + 1, "drone_scale": night.drones,
                          "missile_scale": night.missiles, "value_lost": value_lost,
                          "simulated": document is not None})
    return stock_rows, loss_rows


def _runout(table: pd.DataFrame, munitions: list[str], replications: int, days: int) -> dict[str, dict[str, Any]]:
    """First day each munition's end-of-day stock is 0, over replications (censored at the last day)."""
    out = {}
    for k in munitions:
        rows = table[(table.munition == k) & (table.end <= 0)]
        first = rows.groupby("replication")["day"].min()
        values = first.to_numpy(dtype=float)
        entry: dict[str, Any] = {"ran_out": int(len(values)), "replications": replications, "mean_day": None,
                                 "ci95": None, "days": [int(v) for v in values]}
        if len(values):
            entry["mean_day"] = float(values.mean())
            entry["ci95"] = mean_interval(values, lower=1, upper=days) if len(values) > 1 else None  # none from one value
        if 0 < len(values) < replications:
            entry["note"] = f"did not run out within {days} days in {replications - len(values)} replication(s)"
        out[k] = entry
    return out


def _write(out: Path, base, result: CampaignResult, plot) -> None:
    out.mkdir(parents=True, exist_ok=True)
    result.stocks.to_csv(out / "stocks.csv", index=False)
    result.losses.to_csv(out / "losses.csv", index=False)
    result.files = {"stocks": str(out / "stocks.csv"), "losses": str(out / "losses.csv"), "record": str(out / "plan.json"),
                    "scenario": str(out / "scenario.yaml")}
    plot_path = Path(plot) if plot else out / "campaign.png"
    _plot(result, plot_path)
    result.files["plot"] = str(plot_path)
    summary = {k: v for k, v in result.to_dict().items() if k not in ("mean_stock_by_day", "mean_value_lost_by_day")}
    write_record(out, kind="campaign", base=base, settings=result.settings, results=summary)


def _plot(result: CampaignResult, path: Path) -> Path:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 8), dpi=100, sharex=True)
    means = result.stocks.groupby(["case", "munition", "day"])["end"].mean().reset_index()
    for (case, munition), rows in means.groupby(["case", "munition"]):
        style = "-" if case == "base" else "--"
        top.plot(rows.day, rows.end, style, label=f"{munition} ({case})" if case != "base" else munition)
    top.set_ylabel("end-of-day stock [rounds], mean")
    top.set_yscale("symlog")
    top.legend(fontsize=6, ncol=3)
    losses = result.losses.groupby(["case", "day"])["value_lost"].mean().reset_index()
    for case, rows in losses.groupby("case"):
        bottom.plot(rows.day, rows.value_lost, label=case)
    bottom.set_ylabel("value lost per night [points], mean")
    bottom.set_xlabel("day")
    bottom.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
