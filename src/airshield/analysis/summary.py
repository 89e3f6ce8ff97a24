"""Aggregate replication metrics into the run summary: means, percentiles, intervals."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from airshield.analysis.metrics import COUNT_KEYS, ReplicationMetrics


def summarise(metrics: Sequence[ReplicationMetrics]) -> dict:
    """The summary over replications. Counts and costs are means over replications;
    ``value_lost`` has the mean, the 5th and 95th percentiles of the replications, and a 95 %
    normal-approximation interval on the mean (``ci95``)."""
    n = len(metrics)
    value = np.array([m.value_lost for m in metrics], dtype=float)
    return {
        "replications": n,
        "totals": _mean_counts([m.totals for m in metrics], (*COUNT_KEYS, "impacts")),
        "by_threat": {key: _mean_counts([m.by_threat[key] for m in metrics], COUNT_KEYS)
                      for key in metrics[0].by_threat},
        "interceptors": _mean_nested([m.interceptors for m in metrics], ("expended", "cost_usd")),
        "value_lost": {"mean": float(value.mean()), "p05": float(np.percentile(value, 5)),
                       "p95": float(np.percentile(value, 95)), "ci95": mean_interval(value)},
        "value_lost_by_asset": _mean_flat([m.value_lost_by_asset for m in metrics]),
        "cost": {"defender_usd": float(np.mean([m.defender_usd for m in metrics])),
                 "attacker_usd": float(np.mean([m.attacker_usd for m in metrics]))},
        "unit_use": _mean_nested([m.unit_use for m in metrics], ("engagements", "rounds")),
    }


def mean_interval(values: np.ndarray) -> list[float]:
    """95 % normal-approximation interval on the mean of ``values`` (zero width for one value)."""
    mean = float(np.mean(values))
    if len(values) < 2:
        return [mean, mean]
    half = 1.96 * float(np.std(values, ddof=1)) / np.sqrt(len(values))
    return [float(mean - half), float(mean + half)]


def _mean_counts(rows: Sequence[dict[str, int]], keys: Sequence[str]) -> dict[str, float]:
    return {k: float(np.mean([r[k] for r in rows])) for k in keys}


def _mean_nested(rows: Sequence[dict[str, dict[str, float]]], keys: Sequence[str]) -> dict[str, dict[str, float]]:
    names = sorted({name for r in rows for name in r})
    return {name: {k: float(np.mean([r.get(name, {}).get(k, 0.0) for r in rows])) for k in keys} for name in names}


def _mean_flat(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    names = list(rows[0]) if rows else []
    return {name: float(np.mean([r[name] for r in rows])) for name in names}
