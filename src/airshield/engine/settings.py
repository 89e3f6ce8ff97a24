"""Engine settings that are modelling choices, not scenario data."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class EngineSettings:
    """Numerical choices of the engine.

    ``c2_cycle`` [s]: fire-control decisions are taken on this grid (a C2 cycle).
    ``coast`` [s]: the shared picture keeps a threat between sensor windows shorter than this.
    ``aeroballistic_launch_altitude`` [m]: release altitude of air-launched aeroballistic missiles.
    ``dogleg_spread`` [-]: sideways spread of dog-leg waypoints as a share of route length.
    ``min_altitude`` [m]: lowest cruise altitude a sampled threat flies at.
    ``evaluation_period`` [s]: threat evaluation refreshes a threat's value at risk this often.
    """

    c2_cycle: float = 2.0
    coast: float = 120.0
    aeroballistic_launch_altitude: float = 12_000.0
    dogleg_spread: float = 0.12
    min_altitude: float = 15.0
    evaluation_period: float = 30.0
