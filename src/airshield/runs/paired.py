"""Two scenarios on the same seeds: the paired difference of a metric, with its interval.

Replication i of both runs gets the same seed, and every random number of a threat comes from its
own stream (common random numbers, :mod:`airshield.engine.streams`): the same raid meets both
defences, so the per-replication difference B - A measures what the change did, with a much
narrower interval than two independent runs would give.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from airshield.analysis import mean_interval, to_row
from airshield.errors import InputError
from airshield.runs.backends import Backend, SerialBackend
from airshield.runs.options import RunOptions
from airshield.runs.runner import run_monte_carlo
from airshield.world import load_world


def replication_rows(source: str | Path, *, seed: int, replications: int,
                     backend: Backend | None = None) -> list[dict[str, float]]:
    """The flat metric row of each replication of ``source`` (see :func:`airshield.analysis.to_row`)."""
    result = run_monte_carlo(load_world(source), RunOptions(seed=seed, replications=replications, progress=False),
                             backend=backend or SerialBackend(), keep_in_memory=True)
    return [to_row(m) for m in result.metrics]


def column(rows: list[dict[str, float]], metric: str) -> np.ndarray:
    """The values of flat column ``metric`` (e.g. ``bombs_reached``, ``value_lost``,
    ``by_threat/su-34/destroyed``), 0 where a replication has none."""
    return np.array([float(row.get(metric, 0.0)) for row in rows])


def paired_difference(a: str | Path, b: str | Path, metrics: tuple[str, ...], *, seed: int, replications: int,
                      backend: Backend | None = None) -> list[dict]:
    """Per metric: the means of A and B (95 % t intervals cut at 0: every flat metric is a count,
    money or value points) and the mean of B - A over paired replications with its 95 % t interval.
    A metric column neither run has is an InputError."""
    rows_a = replication_rows(a, seed=seed, replications=replications, backend=backend)
    rows_b = replication_rows(b, seed=seed, replications=replications, backend=backend)
    known = set().union(*rows_a, *rows_b)
    unknown = [m for m in metrics if m not in known]
    if unknown:
        raise InputError(f"no metric column {', '.join(repr(m) for m in unknown)}", path="--metric",
                         expected="a flat column such as bombs_reached, value_lost or by_threat/su-34/destroyed")
    rows = []
    for metric in metrics:
        first, second = column(rows_a, metric), column(rows_b, metric)
        diff = second - first
        rows.append({"metric": metric, "a_mean": float(first.mean()), "a_ci95": mean_interval(first, lower=0.0),
                     "b_mean": float(second.mean()), "b_ci95": mean_interval(second, lower=0.0),
                     "difference": float(diff.mean()), "difference_ci95": mean_interval(diff),
                     "replications": replications})
    return rows
