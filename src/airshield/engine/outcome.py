"""Damage: an impact destroys a share of every asset within its lethal radius.

An impact at ground distance d from an asset's centre damages it when d <= asset radius +
lethal radius; the share destroyed is min(1, (lethal radius / asset radius)^2), the fraction of
the asset's area inside the lethal circle, applied to the value still standing.
"""

from __future__ import annotations

import numpy as np

from airshield.world import World


def damage_events(world: World, type_index: int, xyz: tuple[float, float, float],
                  remaining: np.ndarray) -> list[tuple[int, float]]:
    """(asset row, value lost [value points]) for one impact; updates ``remaining`` in place."""
    assets = world.assets
    lethal = float(world.threat_types.lethal_radius[type_index])
    distance = np.hypot(assets.x - xyz[0], assets.y - xyz[1])
    hit = np.flatnonzero(distance <= assets.radius + lethal)
    events = []
    for asset in hit:
        share = min(1.0, (lethal / assets.radius[asset]) ** 2)
        lost = float(remaining[asset] * share)
        if lost > 0:
            remaining[asset] -= lost
            events.append((int(asset), lost))
    return events
