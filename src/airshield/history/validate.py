"""Out-of-sample validation: calibrate on raids up to a date, predict the raids after another.

Only each test raid's :class:`RaidSpec` (mix, counts, launch places, targets, date) reaches the
model. Scores per class group: launch-weighted mean absolute error and bias of the neutralised
share (destroyed + EW-lost over launched), MAE of the destroyed and EW-lost shares, and the share of
raids whose reported neutralised share falls inside the predicted 90 % interval. Two baselines are
scored the same way: the training period's launch-weighted mean share per group, and the trailing
90-day mean share per group before each test raid.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from airshield.history.calibrate import Calibration, Case, calibrate
from airshield.history.predict import GROUPS, predict
from airshield.history.replay import Laydown

TRAILING_DAYS = 90


@dataclass(frozen=True)
class Validation:
    """Per test raid and group: reported and predicted shares; the scores; the calibration used."""

    rows: pd.DataFrame
    scores: dict
    calibration: Calibration

    def to_dict(self) -> dict:
        return {"classes": self.scores, "calibration": self.calibration.to_dict(),
                "test_raids": int(self.rows["raid"].nunique()) if len(self.rows) else 0}


def validate(train: list[Case], history: list[Case], test: list[Case], laydown: Laydown, *,
             train_until: pd.Timestamp, replications: int, seed: int, backend=None, progress=None) -> Validation:
    """Calibrate on ``train``; predict ``test``; baselines from ``history`` (every raid's report,
    used only up to ``train_until`` for the mean and up to each test raid's start for the trailing mean)."""
    calibration = calibrate(train, laydown, replications=1, seed=seed, backend=backend, progress=progress)
    rows = predict_cases(test, laydown, calibration, replications=replications, seed=seed, backend=backend)
    rows = add_baselines(rows, history, train_until)
    return Validation(rows, score(rows), calibration)


def predict_cases(test: list[Case], laydown: Laydown, calibration: Calibration, *, replications: int, seed: int,
                  backend=None) -> pd.DataFrame:
    """One row per (test raid, group): the model's prediction from the raid spec only, and the report."""
    out = []
    for case in test:
        predicted = predict(case.spec, laydown, calibration.params, replications=replications, seed=seed,
                            backend=backend).table
        for group in GROUPS:
            if group in predicted.index and group in case.reported.index:
                p, r = predicted.loc[group], case.reported.loc[group]
                out.append({"raid": case.spec.id, "start": case.spec.start, "group": group,
                            "launched": float(r["launched"]),
                            **{f"pred_{k}": float(p[k]) for k in ("destroyed", "ew_lost", "neutralised")},
                            "pred_neutralised_p05": float(p["neutralised_p05"]),
                            "pred_neutralised_p95": float(p["neutralised_p95"]),
                            **{f"rep_{k}": float(r[k]) for k in ("destroyed", "ew_lost", "neutralised")}})
    return pd.DataFrame(out)


def add_baselines(rows: pd.DataFrame, history: list[Case], train_until: pd.Timestamp) -> pd.DataFrame:
    """Baseline predictions: training mean, and trailing 90-day mean, per group."""
    if rows.empty:
        return rows
    past = _case_table(history)
    training = past[past["start"] <= train_until + pd.Timedelta(days=1)]
    mean = {g: _weighted(training[training.group == g]) for g in GROUPS}
    rows = rows.copy()
    for share in ("destroyed", "neutralised"):
        rows[f"base_mean_{share}"] = [mean[g].get(share, np.nan) for g in rows["group"]]
        rows[f"base_trailing_{share}"] = [
            _weighted(past[(past.group == g) & (past.start < t) & (past.start >= t - pd.Timedelta(days=TRAILING_DAYS))]).get(share, np.nan)
            for g, t in zip(rows["group"], rows["start"])]
    return rows


def _case_table(cases: list[Case]) -> pd.DataFrame:
    rows = [{"start": c.spec.start, "group": g, "launched": r["launched"], "destroyed": r["destroyed"],
             "ew_lost": r["ew_lost"], "neutralised": r["neutralised"]}
            for c in cases for g, r in c.reported.iterrows()]
    return pd.DataFrame(rows, columns=["start", "group", "launched", "destroyed", "ew_lost", "neutralised"])


def _weighted(table: pd.DataFrame) -> dict[str, float]:
    if table.empty or table["launched"].sum() <= 0:
        return {}
    w = table["launched"].to_numpy(float)
    return {k: float(np.average(table[k].to_numpy(float), weights=w)) for k in ("destroyed", "ew_lost", "neutralised")}


def score(rows: pd.DataFrame) -> dict:
    """The JSON scores per group (see module docstring)."""
    scores = {}
    for group in GROUPS:
        table = rows[rows["group"] == group] if len(rows) else rows
        if table.empty:
            continue
        w = table["launched"].to_numpy(float)

        def mae(pred: str, rep: str) -> float:
            diff = (table[pred] - table[rep]).to_numpy(float)
            ok = np.isfinite(diff)
            return float(np.average(np.abs(diff[ok]), weights=w[ok])) if ok.any() else float("nan")

        inside = (table["rep_neutralised"] >= table["pred_neutralised_p05"] - 1e-12) & \
                 (table["rep_neutralised"] <= table["pred_neutralised_p95"] + 1e-12)
        bias = float(np.average((table["pred_neutralised"] - table["rep_neutralised"]).to_numpy(float), weights=w))
        scores[group] = {
            "raids": int(len(table)), "mae_neutralised": mae("pred_neutralised", "rep_neutralised"),
            "mae_destroyed": mae("pred_destroyed", "rep_destroyed"), "mae_ew_lost": mae("pred_ew_lost", "rep_ew_lost"),
            "bias_neutralised": bias, "coverage90": float(inside.mean()),
            "baseline_mean_mae_neutralised": mae("base_mean_neutralised", "rep_neutralised"),
            "baseline_trailing_mae_neutralised": mae("base_trailing_neutralised", "rep_neutralised"),
            "baseline_mean_mae_destroyed": mae("base_mean_destroyed", "rep_destroyed"),
            "baseline_trailing_mae_destroyed": mae("base_trailing_destroyed", "rep_destroyed")}
    return scores
