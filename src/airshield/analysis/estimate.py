"""An estimate over replications: mean, 95 % interval of the mean, percentiles, n and the method."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from airshield.analysis.measures import Measure
from airshield.analysis.stats import MEAN_METHOD, SHARE_METHOD, mean_interval, percentiles, share_interval


@dataclass(frozen=True)
class Estimate:
    """``mean`` over ``n`` replications [``unit``], the 95 % interval of the mean (``low``, ``high``;
    NaN when undefined), the 5th and 95th percentiles of the replications, and how the interval was
    computed (``method``)."""

    mean: float
    low: float
    high: float
    p05: float
    p95: float
    n: int
    method: str
    unit: str

    @classmethod
    def of_mean(cls, values, measure: Measure) -> "Estimate":
        """The mean of ``values`` with a t interval cut to the measure's range."""
        values = np.asarray(values, dtype=float)
        low, high = mean_interval(values, lower=0.0, upper=measure.upper)
        p05, p95 = percentiles(values)
        mean = float(values.mean()) if len(values) else math.nan
        return cls(mean, low, high, p05, p95, len(values), MEAN_METHOD, measure.unit)

    @classmethod
    def of_share(cls, successes: int, trials: int, measure: Measure) -> "Estimate":
        """A share of replications with its Wilson interval (percentiles do not apply: NaN)."""
        low, high = share_interval(successes, trials)
        mean = successes / trials if trials else math.nan
        return cls(mean, low, high, math.nan, math.nan, trials, SHARE_METHOD, measure.unit)

    @property
    def ci95(self) -> tuple[float, float]:
        """The 95 % interval of the mean."""
        return self.low, self.high

    def to_dict(self) -> dict:
        """``mean``, ``p05``, ``p95``, ``ci95`` (null when undefined), ``n``, ``method``, ``unit``."""
        return {"mean": _json(self.mean), "p05": _json(self.p05), "p95": _json(self.p95),
                "ci95": [_json(self.low), _json(self.high)], "n": self.n, "method": self.method, "unit": self.unit}

    @classmethod
    def from_dict(cls, data: dict, *, unit: str, method: str = "") -> "Estimate":
        """An Estimate from :meth:`to_dict` output (also stored summaries without n, method or unit)."""
        low, high = data.get("ci95") or (None, None)
        return cls(_float(data.get("mean")), _float(low), _float(high), _float(data.get("p05")),
                   _float(data.get("p95")), int(data.get("n", 0)), data.get("method", method), data.get("unit", unit))


def _json(value: float) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def _float(value) -> float:
    return math.nan if value is None else float(value)
