"""Compare assignment policies on the same raid: each policy a sweep point with the same seeds.

Every random number of a threat is its own (common random numbers per threat: launches, routes,
failures, EW, and one kill draw per threat), so the same replication seed gives every policy the
same raid and the same luck: the comparison is paired. Besides each policy's figures, the table
gives each policy's paired difference in value lost from the first policy, with its 95 % interval
(Student t over the per-replication differences).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

from airshield.runs.backends import Backend
from airshield.runs.options import RunOptions
from airshield.runs.sweep import sweep_points

DEFAULT_POLICIES: tuple[dict, ...] = (
    {"doctrine.assigner": "greedy", "doctrine.shoot_look_shoot": True},
    {"doctrine.assigner": "greedy", "doctrine.shoot_look_shoot": False},
    {"doctrine.assigner": "cost-aware", "doctrine.shoot_look_shoot": True},
    {"doctrine.assigner": "wta", "doctrine.shoot_look_shoot": True},
    {"doctrine.assigner": "wta-cost", "doctrine.shoot_look_shoot": True},
)


def compare_doctrine(source: str | Path, options: RunOptions | None = None, *,
                     policies: tuple[dict, ...] = DEFAULT_POLICIES, backend: Backend | None = None) -> pd.DataFrame:
    """Tidy table: policy, metric, unit, mean, 95 % interval, percentiles, and each policy's paired
    difference in value lost from the first (``options`` as for a run; the policies are not
    stored unless ``options.out`` is given)."""
    per_point: list[list] = []
    table = sweep_points(source, list(policies), options, backend=backend, metrics_out=per_point).table
    table = pd.concat([table, _paired_rows(policies, per_point)], ignore_index=True)
    table.insert(0, "policy", [f"{a}{'' if s else ' (shoot-shoot)'}" for a, s in
                               zip(table["doctrine.assigner"], table["doctrine.shoot_look_shoot"])])
    return table.drop(columns=["doctrine.assigner", "doctrine.shoot_look_shoot"])


def _paired_rows(policies: tuple[dict, ...], per_point: list[list]) -> pd.DataFrame:
    """Rows ``value_lost_minus_first``: each policy's per-replication value lost minus the first
    policy's on the same seeds, mean and 95 % Student-t interval [value points]."""
    first = np.array([m.value_lost for m in per_point[0]])
    rows = []
    for policy, point in zip(policies, per_point):
        diff = np.array([m.value_lost for m in point]) - first
        half = float(stats.t.ppf(0.975, len(diff) - 1) * diff.std(ddof=1) / np.sqrt(len(diff))) if len(diff) > 1 else 0.0
        rows.append({**policy, "metric": "value_lost_minus_first", "unit": "value points", "mean": float(diff.mean()),
                     "ci95_low": float(diff.mean() - half), "ci95_high": float(diff.mean() + half),
                     "p05": float(np.percentile(diff, 5)), "p95": float(np.percentile(diff, 95)),
                     "replications": len(diff)})
    return pd.DataFrame(rows)
