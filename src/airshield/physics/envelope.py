"""Engagement envelopes: which munitions can engage which threats, and when a threat is inside.

A munition can engage a threat when its class is allowed (the catalogue gives a kill probability
against it, and the doctrine's reserve rules do not keep the munition for other classes) and the
threat is no faster than the munition's fastest target. A threat is inside the envelope when its
3D distance from the unit is in (range_min, range_max] and its altitude in [alt_min, alt_max]
(:func:`airshield.kinematics.envelope_windows`).
"""

from __future__ import annotations

import numpy as np

from airshield.kinematics import envelope_windows


def can_engage(weapons, class_index: np.ndarray, speed: np.ndarray) -> np.ndarray:
    """(threats, weapons) bool: the weapon may engage a threat of class ``class_index`` flying at
    ``speed`` [m/s] (per threat)."""
    allowed = weapons.allowed[:, class_index].T
    return allowed & (speed[:, None] <= weapons.max_target_speed[None, :])


def envelope_times(flights, units, weapons, *, fast: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """(threats, weapons) first entry and exit times [s] of each threat in each weapon's envelope
    (NaN where never); ``flights`` maps trajectory groups back to threat order; ``fast`` selects the
    compiled windows (False: the numpy reference, same numbers)."""
    centres = np.column_stack([units.x[weapons.unit], units.y[weapons.unit], np.zeros(len(weapons.unit))])
    return flights.scatter(lambda traj, rows: envelope_windows(
        traj, centres, weapons.range_min, weapons.range_max, weapons.alt_min, weapons.alt_max, fast=fast))
