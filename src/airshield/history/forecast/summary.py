"""Scores per class group for the model and both baselines: MAE, CRPS, coverage, calibration curve.

Keeps the fixed-origin keys (:func:`airshield.history.validate.score`) and adds, per forecaster
(``model``, ``baseline_mean``, ``baseline_trailing``): ``crps_neutralised`` (launch-weighted, like the
MAE) and ``crps_neutralised_per_raid`` (unweighted), ``coverage50/80/90`` (share of raids inside the
central interval) and ``calibration`` (nominal level -> observed coverage), ``pit_coverage50/80/90``
and ``pit_calibration`` (the same under the randomised PIT, which discrete shares of small raids do not
bias upwards: :func:`.scores.pit_coverage`); and the MAE of the
simulation alone (mean simulated share, before the calibrated link), ``simulation_only_mae_neutralised``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from airshield.history.forecast.scores import LEVELS, REPORTED_LEVELS, pit_coverage, weighted_mean_abs
from airshield.history.predict import GROUPS
from airshield.history.validate import score

FORECASTERS = {"model": "pred", "baseline_mean": "base_mean", "baseline_trailing": "base_trailing"}


def score_rolling(rows: pd.DataFrame) -> dict:
    """The JSON scores per group (see module docstring)."""
    scores = score(rows)
    for group in GROUPS:
        if group not in scores:
            continue
        table = rows[rows["group"] == group]
        w = table["launched"].to_numpy(float)
        if "sim_neutralised" in table:
            scores[group]["simulation_only_mae_neutralised"] = weighted_mean_abs(
                table["sim_neutralised"] - table["rep_neutralised"], w)
        for name, prefix in FORECASTERS.items():
            key = "" if name == "model" else f"{name}_"
            crps_values = table[f"crps_{prefix}"].to_numpy(float)
            ok = np.isfinite(crps_values)
            scores[group][f"{key}crps_neutralised"] = _mean(crps_values[ok], w[ok])
            scores[group][f"{key}crps_neutralised_per_raid"] = _mean(crps_values[ok], None)
            flags = {level: table.loc[ok, f"in{int(round(level * 100))}_{prefix}"].astype(float) for level in LEVELS}
            for level in REPORTED_LEVELS:
                scores[group][f"{key}coverage{int(level * 100)}"] = float(flags[level].mean()) if ok.any() else float("nan")
            scores[group][f"{key}calibration"] = {f"{level:.2f}": float(f.mean()) if ok.any() else float("nan")
                                                  for level, f in flags.items()}
            pit = {level: _pit_coverage(table.loc[ok], prefix, level) for level in LEVELS}
            for level in REPORTED_LEVELS:
                scores[group][f"{key}pit_coverage{int(level * 100)}"] = pit[level]
            scores[group][f"{key}pit_calibration"] = {f"{level:.2f}": v for level, v in pit.items()}
    return scores


def _pit_coverage(table: pd.DataFrame, prefix: str, level: float) -> float:
    """Mean expected coverage at ``level`` under the randomised PIT (:func:`.scores.pit_coverage`)."""
    if f"pit_low_{prefix}" not in table or table.empty:
        return float("nan")
    return float(np.mean(pit_coverage(table[f"pit_low_{prefix}"], table[f"pit_high_{prefix}"], level)))


def _mean(values: np.ndarray, weights) -> float:
    if not len(values):
        return float("nan")
    return float(np.average(values, weights=weights))


def score_table(scores: dict) -> pd.DataFrame:
    """One row per (group, forecaster): MAE, CRPS, coverage 50/80/90 and the same under the randomised PIT
    (for docs and the CLI)."""
    rows = []
    for group, s in scores.items():
        for name in FORECASTERS:
            key = "" if name == "model" else f"{name}_"
            rows.append({"group": group, "forecaster": name, "raids": s["raids"], "mae": s[f"{key}mae_neutralised"],
                         "crps": s[f"{key}crps_neutralised"], **{f"cov{p}": s[f"{key}coverage{p}"] for p in (50, 80, 90)},
                         **{f"pit{p}": s.get(f"{key}pit_coverage{p}", float("nan")) for p in (50, 80, 90)}})
    return pd.DataFrame(rows)
