"""The two baselines as predictive distributions, so that proper scores compare like with like.

Each baseline's predictive distribution is the launch-weighted empirical distribution of past
reported shares of the group: all reports made before the recalibration date ("training mean",
recomputed at every rolling step), or the raids that started in the 90 days before the predicted
raid ("trailing 90 days", as in the fixed-origin validation). Their point forecast stays the
launch-weighted mean, as before.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

TRAILING_DAYS = 90


@dataclass(frozen=True)
class Empirical:
    """Past shares [-] and their launch weights [-]."""

    values: np.ndarray
    weights: np.ndarray

    @property
    def empty(self) -> bool:
        return len(self.values) == 0 or self.weights.sum() <= 0

    def mean(self) -> float:
        return float(np.average(self.values, weights=self.weights)) if not self.empty else float("nan")


def empirical(rows: pd.DataFrame, share: str) -> Empirical:
    """The weighted empirical distribution of ``rep_<share>`` over ``rows``."""
    return Empirical(rows[f"rep_{share}"].to_numpy(float), rows["n"].to_numpy(float))


def training_rows(history: pd.DataFrame, group: str, before: pd.Timestamp) -> pd.DataFrame:
    """Reports of ``group`` made before ``before`` (raid end on or before it)."""
    return history[(history["group"] == group) & (history["end"] <= before)]


def trailing_rows(history: pd.DataFrame, group: str, start: pd.Timestamp) -> pd.DataFrame:
    """Raids of ``group`` that started in the 90 days before ``start``."""
    since = start - pd.Timedelta(days=TRAILING_DAYS)
    return history[(history["group"] == group) & (history["start"] < start) & (history["start"] >= since)]
