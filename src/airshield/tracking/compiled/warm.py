"""Fill the compiled tracker's numba cache ahead of use: ``python -m airshield.tracking.compiled.warm``.

The first sensor-mode run after installing compiles the tracker (tens of seconds on 2 cores) and
caches it next to the sources. ``make setup`` runs this beside the engine's warm-up.
"""

from __future__ import annotations

import numpy as np


def warm_tracker() -> None:
    """Compile (or load) the tracker by feeding it three frames of two sensors."""
    from airshield.tracking.compiled import track_frames

    z = np.array([[0.0, 0.0, 1e3], [50.0, 0.0, 1e3], [10.0, 0.0, 1e3], [20.0, 0.0, 1e3]])
    R = np.tile(np.eye(3) * 1e4, (4, 1, 1))
    track_frames(np.array([0.0, 2.0, 4.0]), np.array([0, 2, 3, 4]), np.array([0, 1, 0, 0]), np.array([0, 2, 3, 4]),
                 z, R, np.array([0, 1, 0, 0]), np.arange(4), np.array([2.0, 2.0]))


if __name__ == "__main__":
    warm_tracker()
