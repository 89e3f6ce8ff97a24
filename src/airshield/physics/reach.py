"""Detection reach: how far a sensor detects a target.

A sensor rated at ``range`` against a reference cross-section ``reference_rcs`` detects a target of
cross-section ``rcs`` out to ``range x (rcs / reference_rcs)^(1/4)`` (the radar equation at equal
signal-to-noise), and not at all when it does not report the target's class or the target is
faster than it can follow. The radar horizon and altitude band are applied by the window
computations (:mod:`airshield.kinematics.windows`).
"""

from __future__ import annotations

import numpy as np


def effective_range(ref_range, ref_rcs, rcs) -> np.ndarray:
    """Range [m] at which a target of ``rcs`` [m^2] gives the reference SNR: ref x (rcs / ref rcs)^(1/4)."""
    return np.asarray(ref_range, float) * (np.asarray(rcs, float) / np.asarray(ref_rcs, float)) ** 0.25


def detection_reach(sensors, rcs: np.ndarray, class_index: np.ndarray, speed: np.ndarray,
                    range_factor: float = 1.0) -> np.ndarray:
    """Reach (n targets, sensors) [m] of each sensor against targets of ``rcs`` [m^2], true class
    ``class_index`` and ``speed`` [m/s]: the effective range times ``range_factor``, 0 where the
    sensor does not report the class or the target is too fast."""
    reach = effective_range(sensors.range[None, :], sensors.reference_rcs[None, :], rcs[:, None])
    if range_factor != 1.0:
        reach = reach * range_factor
    able = sensors.sees_class[:, class_index].T & (speed[:, None] <= sensors.max_speed[None, :])
    return np.where(able, reach, 0.0)
