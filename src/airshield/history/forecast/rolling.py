"""Rolling-origin forecasts: recalibrate every N months on the reports made before, predict the raids.

At each step (the first day of a month) every group's link is fitted on the reports made before
that day within the training window (``train_days``); raids of the step's months are then predicted
from their spec (through the simulation of their date's defence) and the filtered level. The level
is updated with the reports available before each raid starts (``level_updates="raid"``, the
information the trailing baseline has) or frozen at the step's first day (``"month"``). No report
of a predicted raid, or of anything after it, reaches its prediction; the calibration never sees
the step's months.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from airshield.history.forecast.baselines import empirical, trailing_rows, training_rows
from airshield.history.forecast.fit import Link, days, filter_tables, fit_link
from airshield.history.forecast.measurement import Moments
from airshield.history.forecast.observations import TARGETS
from airshield.history.forecast.predictive import DRAWS, draw_seed, draw_shares
from airshield.history.forecast.scores import LEVELS, covered, crps, interval, pit_range, quantile
from airshield.history.predict import GROUPS

LEVEL_UPDATES = ("raid", "month")
PARAMETERS = ("s2", "joint")


@dataclass(frozen=True)
class RollingSettings:
    """Recalibration period [months], training window [days], draws per raid, seed, level updates, and
    the hyper-parameter uncertainty carried into the predictive (``"s2"``: the over-dispersion's alone;
    ``"joint"``: over-dispersion and drift together, :mod:`.uncertainty`)."""

    months: int = 1
    train_days: int = 365
    draws: int = DRAWS
    seed: int = 1
    level_updates: str = "raid"
    parameters: str = "s2"

    def __post_init__(self) -> None:
        if self.parameters not in PARAMETERS or self.level_updates not in LEVEL_UPDATES:
            raise ValueError(f"parameters must be one of {PARAMETERS}, level_updates one of {LEVEL_UPDATES}")


@dataclass(frozen=True)
class Step:
    """One recalibration: its date, the months it predicts up to, and the fitted links."""

    start: pd.Timestamp
    end: pd.Timestamp
    links: dict[tuple[str, str], Link] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {"start": str(self.start.date()), "end": str(self.end.date()),
                "links": [link.to_dict() for link in self.links.values()]}


def step_starts(first: pd.Timestamp, last: pd.Timestamp, months: int) -> list[pd.Timestamp]:
    """First days of the recalibration steps covering [first, last]."""
    start = first.to_period("M").start_time
    starts = []
    while start <= last:
        starts.append(start)
        start = start + pd.DateOffset(months=months)
    return starts


def rolling_forecast(history: pd.DataFrame, test: pd.DataFrame, settings: RollingSettings,
                     first: pd.Timestamp | None = None,
                     progress: Callable[[int, int], None] | None = None) -> tuple[pd.DataFrame, list[Step]]:
    """Predict every row of ``test`` (observation rows) from ``history`` (all observation rows); the
    steps start on the first of the month of ``first`` (default: of the first test raid)."""
    origin = history["start"].min()
    moments = Moments(history["n"].to_numpy(float))   # every report's size: one table for every fit and filter
    starts = step_starts(test["start"].min() if first is None else first, test["start"].max(), settings.months)
    rows, steps = [], []
    for i, start in enumerate(starts):
        end = start + pd.DateOffset(months=settings.months)
        step = calibrate_step(history, start, end, settings, origin, moments)
        steps.append(step)
        chosen = test[(test["start"] >= start) & (test["start"] < end)]
        rows.extend(predict_step(history, chosen, step, settings, origin, moments))
        if progress:
            progress(i + 1, len(starts))
    return pd.DataFrame(rows), steps


def calibrate_step(history: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp, settings: RollingSettings,
                   origin: pd.Timestamp, moments: Moments | None = None) -> Step:
    """Fit every (group, target) link on the reports made before ``start`` in the training window."""
    window = history[(history["end"] <= start) & (history["start"] >= start - pd.Timedelta(days=settings.train_days))]
    joint = settings.parameters == "joint"
    links = {(g, t): fit_link(window, g, t, origin, joint=joint, seed=settings.seed, moments=moments)
             for g in GROUPS for t in TARGETS if (window["group"] == g).any()}
    return Step(start, end, links)


def predict_step(history: pd.DataFrame, chosen: pd.DataFrame, step: Step, settings: RollingSettings,
                 origin: pd.Timestamp, moments: Moments | None = None) -> list[dict]:
    """Rows of predictions and baselines for the ``chosen`` raids of one step."""
    usable = history[(history["end"] < step.end) &
                     (history["start"] >= step.start - pd.Timedelta(days=settings.train_days))]
    hypers = {key: link.hyper_draws() for key, link in step.links.items()}
    paths = {key: filter_tables(usable[usable["group"] == key[0]], key[1], hypers[key], link, origin, moments)
             for key, link in step.links.items()}
    out = []
    for row in chosen.itertuples(index=False):
        if (row.group, "neutralised") not in step.links:
            continue
        cutoff = row.start if settings.level_updates == "raid" else step.start
        record = {"raid": row.raid, "start": row.start, "group": row.group, "launched": row.n,
                  "step": str(step.start.date()), **{f"rep_{k}": getattr(row, f"rep_{k}") for k in ("destroyed", "ew_lost", "neutralised")}}
        for target in TARGETS:
            key = (row.group, target)
            link = step.links[key]
            states = [path.state_at(days(row.start, origin), days(cutoff, origin), float(np.exp(h.log_q)))
                      for path, h in zip(paths[key], hypers[key])]
            rng = np.random.default_rng(draw_seed(settings.seed, row.raid, row.group, target))
            draws = draw_shares(states, hypers[key], getattr(row, f"reps_{target}"), row.n, link, rng, settings.draws,
                                row.mix)
            record.update(_describe(draws, getattr(row, f"rep_{target}"), target, "pred"))
            record.update(_baselines(history, row, step, target))
        record["pred_ew_lost"] = max(record["pred_neutralised"] - record["pred_destroyed"], 0.0)
        record["sim_neutralised"] = row.sim_neutralised
        out.append(record)
    return out


def _describe(values: np.ndarray, y: float, target: str, prefix: str, weights=None) -> dict:
    """Point (median for the model), 90 % bounds, CRPS, coverage flags and the randomised PIT's range of one
    predictive distribution."""
    low, high = interval(values, 0.9, weights)
    out = {f"{prefix}_{target}": quantile(values, 0.5, weights) if weights is None else float(np.average(values, weights=weights)),
           f"{prefix}_{target}_p05": low, f"{prefix}_{target}_p95": high}
    if target == "neutralised":
        out[f"crps_{prefix}"] = crps(values, y, weights)
        out.update({f"in{int(round(level * 100))}_{prefix}": covered(values, y, level, weights) for level in LEVELS})
        out[f"pit_low_{prefix}"], out[f"pit_high_{prefix}"] = pit_range(values, y, weights)
    return out


def _baselines(history: pd.DataFrame, row, step: Step, target: str) -> dict:
    """Training-mean and trailing-90-day predictive distributions of one raid."""
    out = {}
    for name, rows in (("base_mean", training_rows(history, row.group, step.start)),
                       ("base_trailing", trailing_rows(history, row.group, row.start))):
        dist = empirical(rows, target)
        if dist.empty:
            out[f"{name}_{target}"] = float("nan")
            continue
        out.update(_describe(dist.values, getattr(row, f"rep_{target}"), target, name, dist.weights))
    return out
