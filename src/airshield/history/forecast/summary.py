"""Scores per class group for the model and both baselines: MAE, CRPS, coverage, calibration curve.

Keeps the fixed-origin keys (:func:`airshield.history.validate.score`) and adds, per forecaster
(``model``, ``baseline_mean``, ``baseline_trailing``): ``crps_neutralised`` (launch-weighted, like the
MAE) and ``crps_neutralised_per_raid`` (unweighted), ``coverage50/80/90`` (share of raids inside the
central interval) and ``calibration`` (nominal level -> observed coverage); and the MAE of the
simulation alone (mean simulated share, before the calibrated link), ``simulation_only_mae_neutralised``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from airshield.history.forecast.scores import LEVELS, REPORTED_LEVELS, weighted_mean_abs
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
    return scores


def _mean(values: np.ndarray, weights) -> float:
    if not len(values):
        return float("nan")
    return float(np.average(values, weights=weights))


def score_table(scores: dict) -> pd.DataFrame:
    """One row per (group, forecaster): MAE, CRPS, coverage 50/80/90 (for docs and the CLI)."""
    rows = []
    for group, s in scores.items():
        rows.append({"group": group, "forecaster": "model", "raids": s["raids"], "mae": s["mae_neutralised"],
                     "crps": s["crps_neutralised"], **{f"cov{p}": s[f"coverage{p}"] for p in (50, 80, 90)}})
        for name in ("baseline_mean", "baseline_trailing"):
            rows.append({"group": group, "forecaster": name, "raids": s["raids"], "mae": s[f"{name}_mae_neutralised"],
                         "crps": s[f"{name}_crps_neutralised"],
                         **{f"cov{p}": s[f"{name}_coverage{p}"] for p in (50, 80, 90)}})
    return pd.DataFrame(rows)
