"""Intervals for summaries, from the right distribution (scipy.stats), never outside a quantity's range.

- Means: the Student t interval of the mean (n - 1 degrees of freedom), cut to the quantity's
  range (``lower``, ``upper``). Every measure of a run is bounded below by 0; since the true mean
  lies in the range, cutting removes only impossible values and keeps the t interval's coverage.
  (With 2 to 10 replications, bootstrap intervals cover far less than 95 %; the t interval is
  the honest choice, and the cut keeps it inside the range.)
- Shares of replications (k of n): the Wilson score interval, always inside [0, 1].
- Fewer than 2 values: no interval (NaN), never a zero-width one.
"""

from __future__ import annotations

import math

import numpy as np

CONFIDENCE = 0.95
MEAN_METHOD = ("Student t interval of the mean over replications (n - 1 degrees of freedom), cut to the "
               "quantity's range [0, inf): the cut removes only impossible values, so the coverage is the t "
               "interval's; no interval (null) from fewer than 2 replications")
SHARE_METHOD = "Wilson score interval of a share of replications"
PERCENTILE_METHOD = "p05/p95: 5th and 95th percentiles of the replications (the spread of outcomes, not of the mean)"


def _t_quantile(confidence: float, dof: int) -> float:
    from scipy.stats import t
    return float(t.ppf(0.5 + confidence / 2, dof))


def _normal_quantile(confidence: float) -> float:
    from scipy.stats import norm
    return float(norm.ppf(0.5 + confidence / 2))


def mean_interval(values, *, lower: float = -math.inf, upper: float = math.inf,
                  confidence: float = CONFIDENCE) -> list[float]:
    """``[low, high]``: the t interval of the mean of ``values``, cut to [``lower``, ``upper``].

    NaN for fewer than 2 values; zero width when all values are equal.
    """
    values = np.asarray(values, dtype=float)
    if len(values) < 2:
        return [math.nan, math.nan]
    mean = float(values.mean())
    half = _t_quantile(confidence, len(values) - 1) * float(values.std(ddof=1)) / math.sqrt(len(values))
    return [min(max(mean - half, lower), upper), max(min(mean + half, upper), lower)]


def share_interval(successes: int, trials: int, *, confidence: float = CONFIDENCE) -> list[float]:
    """``[low, high]``: the Wilson score interval of the share ``successes / trials`` (NaN if no trials)."""
    if trials <= 0:
        return [math.nan, math.nan]
    z = _normal_quantile(confidence)
    share = successes / trials
    centre = (share + z * z / (2 * trials)) / (1 + z * z / trials)
    half = z * math.sqrt(share * (1 - share) / trials + z * z / (4 * trials * trials)) / (1 + z * z / trials)
    return [min(max(0.0, centre - half), share), max(min(1.0, centre + half), share)]  # (rounding)


def percentiles(values) -> tuple[float, float]:
    """5th and 95th percentiles of ``values`` (NaN when empty)."""
    values = np.asarray(values, dtype=float)
    if not len(values):
        return math.nan, math.nan
    return float(np.percentile(values, 5)), float(np.percentile(values, 95))
