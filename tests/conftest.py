"""Suite-wide set-up: the compiled engine's numba cache is filled once, before any test process starts.

On a clean clone numba compiles the engine kernels (about a minute on 2 cores) in every process that
first runs the engine: each pytest-xdist worker, each Ray worker, each ``airshield`` subprocess a test
starts. Compiling once in the controlling process, before the workers exist, leaves them all a warm
cache (``cache=True``, next to the sources) to load in about a second. ``make setup`` usually filled
it already; then this costs one small replication. The WTA search's kernels are warmed the same way
(:mod:`airshield.wta.warm`, one small solve), and so are the sensor mode's tracker
(:mod:`airshield.tracking.compiled.warm`), its plot simulation (:mod:`airshield.sensing.compiled.warm`)
and the forecaster's filter (:mod:`airshield.history.forecast.warm`).
"""

from __future__ import annotations


def pytest_configure(config) -> None:
    if hasattr(config, "workerinput"):  # an xdist worker: the controller has filled the cache
        return
    from airshield.engine.compiled.warm import warm_cache
    from airshield.history.forecast.warm import warm_forecast
    from airshield.sensing.compiled.warm import warm_plots
    from airshield.tracking.compiled.warm import warm_tracker
    from airshield.wta.warm import warm_wta
    warm_cache()
    warm_tracker()
    warm_plots()
    warm_wta()
    warm_forecast()
