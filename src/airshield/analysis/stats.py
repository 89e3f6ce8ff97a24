"""Small statistics used by summaries."""

from __future__ import annotations

import numpy as np


def mean_interval(values: np.ndarray) -> list[float]:
    """95 % normal-approximation interval on the mean of ``values`` (zero width for one value).

    The interval is mean +- 1.96 s / sqrt(n), s the sample standard deviation over replications.
    """
    mean = float(np.mean(values))
    if len(values) < 2:
        return [mean, mean]
    half = 1.96 * float(np.std(values, ddof=1)) / np.sqrt(len(values))
    return [float(mean - half), float(mean + half)]
