"""Simulated shares per class group for a raid spec: the model's prediction of a raid's outcome."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from airshield.history.params import CLASS_GROUPS, GROUP_OF_CLASS, ReplayParams
from airshield.history.raids import Raid, without_result
from airshield.history.replay import Laydown, replay_document, replay_world
from airshield.history.spec import RaidSpec
from airshield.runs import Backend, RunOptions, run_monte_carlo
from airshield.vocabulary import THREAT_CLASSES

GROUPS = tuple(CLASS_GROUPS)
SHARES = ("destroyed", "ew_lost", "neutralised")


@dataclass(frozen=True)
class Prediction:
    """Per group: launched [-], mean shares and their 5th/95th percentiles over replications [-]."""

    raid_id: str
    table: pd.DataFrame


def predict(spec: RaidSpec, laydown: Laydown, params: ReplayParams, *, replications: int, seed: int,
            backend: Backend | None = None) -> Prediction:
    """Simulate the raid ``replications`` times; shares of destroyed, EW-lost and neutralised per group.

    A raid none of whose rows can reach an asset of the laydown gives an empty prediction."""
    if not replay_document(spec, laydown, params)["raid"]["waves"]:
        return Prediction(spec.id, pd.DataFrame())
    world = replay_world(spec, laydown, params)
    result = run_monte_carlo(world, RunOptions(seed=seed, replications=replications), backend=backend)
    per_rep = [_group_counts(m.by_threat, type_classes(world)) for m in result.metrics]
    rows = []
    for group in GROUPS:
        counts = np.array([[rep.get(group, {}).get(k, 0.0) for k in ("launched", "destroyed", "ew_lost")]
                           for rep in per_rep], dtype=float)
        launched = counts[:, 0]
        if launched.max(initial=0) <= 0:
            continue
        shares = {"destroyed": counts[:, 1] / launched, "ew_lost": counts[:, 2] / launched,
                  "neutralised": (counts[:, 1] + counts[:, 2]) / launched}
        row = {"group": group, "launched": float(launched.mean())}
        for name, values in shares.items():
            row[name] = float(values.mean())
            row[f"{name}_p05"] = float(np.percentile(values, 5))
            row[f"{name}_p95"] = float(np.percentile(values, 95))
        rows.append(row)
    return Prediction(spec.id, pd.DataFrame(rows).set_index("group") if rows else pd.DataFrame())


def type_classes(world) -> dict[str, str]:
    """Threat type key -> its class, for the types of ``world``'s raid."""
    types = world.threat_types
    return {key: THREAT_CLASSES[c] for key, c in zip(types.key, types.class_index)}


def _group_counts(by_threat: dict, classes: dict[str, str]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for key, counts in by_threat.items():
        group = GROUP_OF_CLASS[classes[key]]
        slot = out.setdefault(group, {"launched": 0.0, "destroyed": 0.0, "ew_lost": 0.0})
        for name in slot:
            slot[name] += counts[name]
    return out


def reported_shares(raid: Raid) -> pd.DataFrame:
    """Reported launched and shares per group (rows of classes the model simulates only).

    A group with a launched row whose ``destroyed`` is blank is left out: its outcome was not
    reported, which is not an outcome of 0 (one raid in the shipped records, 2025-01-31T19:00,
    where Kh-59/69, Kh-101 and Kh-22 rows give launches only; elsewhere a nil result is written 0).
    """
    totals = raid.totals
    totals = totals[totals.index.isin(list(GROUP_OF_CLASS))]
    grouped = totals.groupby(totals.index.map(GROUP_OF_CLASS)).sum()
    grouped = grouped[(grouped["launched"] > 0) & ~grouped.index.isin(unreported_groups(raid))]
    table = pd.DataFrame({"launched": grouped["launched"].astype(float),
                          "destroyed": grouped["destroyed"] / grouped["launched"],
                          "ew_lost": grouped["ew_lost"] / grouped["launched"]})
    table["neutralised"] = table["destroyed"] + table["ew_lost"]
    table.index.name = "group"
    return table


def unreported_groups(raid: Raid) -> set[str]:
    """Groups with a launched row whose ``destroyed`` count is blank (outcome not reported)."""
    rows = raid.rows
    blank = without_result(rows) & rows["threat_class"].isin(list(GROUP_OF_CLASS))
    return {GROUP_OF_CLASS[c] for c in rows.loc[blank, "threat_class"]}
