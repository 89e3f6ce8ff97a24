"""Threat evaluation: value at risk per threat from its track, not from the truth.

For each threat, the defence sees its position and velocity (in ideal tracking, the true ones at
that instant) and infers where it is going: each asset ahead gets a likelihood from the angle
between the track's heading and the bearing to the asset, exp(-angle^2 / 2 sigma^2), with a wide
sigma for dog-legging drones and a narrow one for missiles. The value at risk is the expectation
of the aimed asset's value times the chance the threat is armed (decoys look like drones: a
drone-like track is armed with probability 1 - the defender's decoy belief), with its standard
deviation over the candidate aim points. A track heading away from every asset puts nothing at
risk. Time to go is the distance to the most likely asset over
the track's speed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.physics import damage_share
from airshield.vocabulary import DRONE_LIKE, class_mask
from airshield.world import World

DRONE_LIKE_ROWS = np.flatnonzero(class_mask(DRONE_LIKE))  # drone-like columns of THREAT_CLASSES
SIGMA_DRONE = np.radians(35.0)   # heading -> aim spread of dog-legging drones [rad]
SIGMA_MISSILE = np.radians(12.0)  # [rad]


@dataclass(frozen=True)
class Evaluation:
    """Per evaluated threat: ``value`` at risk and its ``std`` [value points], ``aim`` asset row,
    ``time_to_go`` [s], ``armed`` probability [-]."""

    value: np.ndarray
    std: np.ndarray
    aim: np.ndarray
    time_to_go: np.ndarray
    armed: np.ndarray


def evaluate_threats(world: World, class_index: np.ndarray, lethal_radius: np.ndarray, position: np.ndarray,
                     velocity: np.ndarray, decoy_belief: float) -> Evaluation:
    """Evaluate threats with perceived ``class_index`` (decoys already perceived as drones),
    ``lethal_radius`` (k,) [m], ``position`` (k, 3) [m] and ``velocity`` (k, 3) [m/s].

    An asset's value at stake is what one impact would destroy: value x min(1, (lethal radius /
    asset radius)^2), as in the damage model."""
    assets = world.assets
    dx = assets.x[None, :] - position[:, :1]
    dy = assets.y[None, :] - position[:, 1:2]
    heading = np.arctan2(velocity[:, 1], velocity[:, 0])[:, None]
    angle = (np.arctan2(dy, dx) - heading + np.pi) % (2 * np.pi) - np.pi
    drone_like = np.isin(class_index, DRONE_LIKE_ROWS)
    sigma = np.where(drone_like, SIGMA_DRONE, SIGMA_MISSILE)[:, None]
    likelihood = np.exp(-0.5 * (angle / sigma) ** 2) * (np.abs(angle) < np.pi / 2)
    total = likelihood.sum(axis=1, keepdims=True)
    share = np.where(total > 0, likelihood / np.where(total > 0, total, 1.0), 0.0)
    armed = np.where(drone_like, 1.0 - decoy_belief, 1.0)
    stake = assets.value[None, :] * damage_share(lethal_radius[:, None], assets.radius[None, :])
    mean = (share * stake).sum(axis=1)
    spread = np.sqrt(np.maximum((share * stake ** 2).sum(axis=1) - mean ** 2, 0.0))
    aim = np.argmax(share, axis=1)
    distance = np.hypot(dx[np.arange(len(aim)), aim], dy[np.arange(len(aim)), aim])
    speed = np.maximum(np.linalg.norm(velocity, axis=1), 1.0)
    return Evaluation(value=armed * mean, std=armed * spread, aim=aim, time_to_go=distance / speed, armed=armed)
