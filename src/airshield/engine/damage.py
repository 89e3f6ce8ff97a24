"""Damage in the raid: each impact destroys a share of every asset within its lethal reach, applied
to the value still standing (the rule: :mod:`airshield.physics.damage`)."""

from __future__ import annotations

import numpy as np

from airshield.physics import damage_share, within_lethal_reach
from airshield.world import World


def damage_events(world: World, type_index: int, xyz: tuple[float, float, float],
                  remaining: np.ndarray) -> list[tuple[int, float]]:
    """(asset row, value lost [value points]) for one impact; updates ``remaining`` in place."""
    assets = world.assets
    lethal = float(world.threat_types.lethal_radius[type_index])
    distance = np.hypot(assets.x - xyz[0], assets.y - xyz[1])
    hit = np.flatnonzero(within_lethal_reach(distance, assets.radius, lethal))
    events = []
    for asset in hit:
        lost = float(remaining[asset] * damage_share(lethal, assets.radius[asset]))
        if lost > 0:
            remaining[asset] -= lost
            events.append((int(asset), lost))
    return events
