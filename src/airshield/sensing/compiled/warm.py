"""Fill the compiled plot simulation's numba cache ahead of use: ``python -m airshield.sensing.compiled.warm``.

The first sensor-mode run after installing compiles the plot kernels (a few seconds) and caches
them next to the sources. ``make setup`` runs this beside the tracker's warm-up.
"""

from __future__ import annotations

import numpy as np


def warm_plots() -> None:
    """Compile (or load) the plot kernels on two radars and an acoustic node watching two targets."""
    from airshield.sensing import SensingParams, make_sensors, straight_truth
    from airshield.sensing.windowed import window_plots

    sensors = make_sensors([0.0, 20e3, 5e3], [0.0, 0.0, 0.0], scan_period=[1.0, 4.0, 1.0],
                           kind=["radar", "radar", "acoustic"])
    truth = straight_truth([[10e3, 0.0, 500.0], [0.0, 10e3, 800.0]], [[100.0, 0.0, 0.0], [0.0, -100.0, 0.0]], 0.0, 60.0)
    t_in, t_out = np.zeros((2, 3)), np.full((2, 3), 60.0)
    window_plots(sensors, truth, t_in, t_out, 2.0, np.random.default_rng(0), SensingParams(false_alarms=1.0))


if __name__ == "__main__":
    warm_plots()
