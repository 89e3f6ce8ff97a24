"""Fill the forecaster's numba cache ahead of use: ``python -m airshield.history.forecast.warm``.

The first process after installing compiles :mod:`airshield.history.forecast.filter_kernel` (a few
seconds) and caches it next to the sources; later processes load it in a fraction of a second.
"""

from __future__ import annotations

import numpy as np


def warm_forecast() -> float:
    """Compile (or load) the filter kernel by filtering ten small reports; returns the log-likelihood."""
    from airshield.history.forecast.kalman import Hyper, filter_measured, run_filters
    from airshield.history.forecast.measurement import Measurement

    n = np.arange(1.0, 11.0)
    x, t = np.zeros((10, 2)), np.arange(10.0)
    run_filters(np.zeros(10), np.ones(10), x, t, [Hyper(-1.0, -5.0)])
    return filter_measured(Measurement(np.floor(n / 2), n), x, t, [Hyper(-1.0, -5.0)])[0].loglik


if __name__ == "__main__":
    warm_forecast()
