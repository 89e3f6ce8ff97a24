"""Damage: an impact destroys a share of every asset within its lethal reach.

An impact at ground distance d from an asset's centre damages it when d <= asset radius +
lethal radius; the share destroyed is min(1, (lethal radius / asset radius)^2), the fraction of the
asset's area inside the lethal circle, applied to the value still standing.
"""

from __future__ import annotations

import numpy as np


def within_lethal_reach(distance, asset_radius, lethal_radius) -> np.ndarray:
    """Whether an impact at ground ``distance`` [m] from an asset's centre damages it (radii [m])."""
    return distance <= asset_radius + lethal_radius


def damage_share(lethal_radius, asset_radius) -> np.ndarray:
    """Share of an asset's standing value [-] one impact inside its lethal reach destroys."""
    return np.minimum(1.0, (lethal_radius / asset_radius) ** 2)
