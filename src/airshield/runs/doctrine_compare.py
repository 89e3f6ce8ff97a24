"""Compare assignment policies on the same raid: each policy a sweep point with the same seeds.

The raid's random draws (launches, routes, failures, EW) come before any firing decision, so the
same replication seed gives every policy the same raid: the comparison is paired.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

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
    """Tidy table: policy, metric, unit, mean, 95 % interval, percentiles (``options`` as for a
    run; the policies are not stored unless ``options.out`` is given)."""
    table = sweep_points(source, list(policies), options, backend=backend).table
    table.insert(0, "policy", [f"{a}{'' if s else ' (shoot-shoot)'}" for a, s in
                               zip(table["doctrine.assigner"], table["doctrine.shoot_look_shoot"])])
    return table.drop(columns=["doctrine.assigner", "doctrine.shoot_look_shoot"])
