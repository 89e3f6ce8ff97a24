"""The random draws of one replication that fix each threat's flight, fate and aim.

All draws come from the replication's own generator, in a fixed order, so a seed gives
the same raid on any machine and in any worker.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.world import World

CEP_TO_SIGMA = 1.0 / 1.1774  # circular error probable -> per-axis normal sigma [-]


@dataclass(frozen=True)
class ThreatDraws:
    """One row per threat: wave, type, launch time [s] and point [m], target, impact point [m]."""

    wave: np.ndarray
    type_index: np.ndarray
    class_index: np.ndarray
    launch_time: np.ndarray
    launch_xy: np.ndarray
    target: np.ndarray
    impact_xy: np.ndarray
    altitude: np.ndarray
    fail_draw: np.ndarray
    fail_fraction: np.ndarray

    @property
    def n(self) -> int:
        """Number of threats [-]."""
        return len(self.wave)


def draw_threats(world: World, rng: np.random.Generator, min_altitude: float) -> ThreatDraws:
    """Sample every threat of the raid: launch time and point, target, aim, altitude, failure."""
    waves, types = world.waves, world.threat_types
    wave = np.repeat(np.arange(len(waves.name)), waves.count)
    n = len(wave)
    type_index = waves.type_index[wave]
    launch_time = waves.start[wave] + rng.random(n) * waves.duration[wave]
    launch_xy = np.column_stack([waves.x[wave], waves.y[wave]]) + _disk(rng, n, waves.spread[wave])
    target = _targets(world, wave, launch_xy, rng)
    aim = np.column_stack([world.assets.x[target], world.assets.y[target]])
    aim += _disk(rng, n, 0.5 * world.assets.radius[target])
    impact_xy = aim + rng.standard_normal((n, 2)) * (types.cep[type_index] * CEP_TO_SIGMA)[:, None]
    altitude = types.altitude[type_index] + rng.standard_normal(n) * types.altitude_spread[type_index]
    altitude = np.maximum(altitude, min_altitude)
    return ThreatDraws(wave=wave, type_index=type_index, class_index=types.class_index[type_index],
                       launch_time=launch_time, launch_xy=launch_xy, target=target, impact_xy=impact_xy,
                       altitude=altitude, fail_draw=rng.random(n), fail_fraction=rng.random(n))


def _disk(rng: np.random.Generator, n: int, radius: np.ndarray) -> np.ndarray:
    """Uniform points in disks of ``radius`` [m] about the origin, shape (n, 2) [m]."""
    r = radius * np.sqrt(rng.random(n))
    theta = rng.random(n) * 2.0 * np.pi
    return np.column_stack([r * np.cos(theta), r * np.sin(theta)])


def _targets(world: World, wave: np.ndarray, launch_xy: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """The asset each threat aims at, by its wave's target choice rule."""
    assets = world.assets
    target = np.empty(len(wave), dtype=int)
    u = rng.random(len(wave))
    for w, (targets, choice) in enumerate(zip(world.waves.targets, world.waves.choice)):
        rows = np.flatnonzero(wave == w)
        if choice == "nearest":
            d = np.hypot(assets.x[targets][None, :] - launch_xy[rows, :1],
                         assets.y[targets][None, :] - launch_xy[rows, 1:])
            target[rows] = targets[np.argmin(d, axis=1)]
            continue
        weight = assets.value[targets] if choice == "value" else np.ones(len(targets))
        if weight.sum() <= 0:
            weight = np.ones(len(targets))
        cumulative = np.cumsum(weight) / weight.sum()
        pick = np.minimum(np.searchsorted(cumulative, u[rows], side="right"), len(targets) - 1)
        target[rows] = targets[pick]
    return target
