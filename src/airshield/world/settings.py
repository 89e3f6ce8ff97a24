"""The run specification compiled into the World: mode, horizon, defaults, and the engine's and the
sensor mode's settings, as frozen values in SI units."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone


@dataclass(frozen=True)
class EngineSettings:
    """Numerical choices of the engine.

    ``c2_cycle`` [s]: fire-control decisions are taken on this grid (a C2 cycle).
    ``look`` [s]: after an intercept, time to assess it before the threat may be engaged again.
    ``coast`` [s]: the shared picture keeps a threat between sensor windows shorter than this.
    ``aeroballistic_launch_altitude`` [m]: release altitude of air-launched aeroballistic missiles.
    ``dogleg_spread`` [-]: sideways spread of dog-leg waypoints as a share of route length.
    ``min_altitude`` [m]: lowest cruise altitude a sampled threat flies at.
    ``evaluation_period`` [s]: threat evaluation refreshes a threat's value at risk this often.
    ``loop``: 'auto' runs the compiled event loop where the assigner allows it, 'reference' the
    Python loop (both give the same EventLog).
    """

    c2_cycle: float = 2.0
    look: float = 5.0
    coast: float = 120.0
    aeroballistic_launch_altitude: float = 12_000.0
    dogleg_spread: float = 0.12
    min_altitude: float = 15.0
    evaluation_period: float = 30.0
    loop: str = "auto"


@dataclass(frozen=True)
class TrackingSettings:
    """Choices of the sensor mode (``tracking: sensors``).

    Tracker: ``confirm_m`` hits in the first ``confirm_n`` looks confirm a track; ``delete_misses``
    looks of the home sensor without a plot, or ``max_coast`` [s] without any update, delete it;
    ``init_speed_sigma`` [m/s] 1-sigma of each velocity component of a new track. Sensing:
    ``false_alarms`` mean false plots per radar scan [-]. Engine: ``frame`` [s] report and fusion
    grid; ``max_sigma`` [m] worst-axis position 1-sigma a fire unit accepts; ``hold`` [s] firm
    updates of one track closer than this keep the threat held between them.
    """

    confirm_m: int = 3
    confirm_n: int = 5
    delete_misses: int = 3
    max_coast: float = 60.0
    init_speed_sigma: float = 700.0
    false_alarms: float = 0.2
    frame: float = 2.0
    max_sigma: float = 1000.0
    hold: float = 30.0

    def __post_init__(self) -> None:
        if self.frame <= 0 or self.max_sigma <= 0 or self.hold < 0:
            raise ValueError("frame > 0 s, max_sigma > 0 m and hold >= 0 s required")


@dataclass(frozen=True)
class RunSpec:
    """How the World is run: ``tracking`` 'ideal' or 'sensors'; ``horizon`` [s] after the raid
    starts; default ``seed`` and ``replications``; ``engine`` and ``sensors`` settings; ``start``
    the raid's start (UTC-aware), only for timestamps in reports (the engine counts seconds)."""

    tracking: str = "ideal"
    horizon: float = 24 * 3600.0
    seed: int = 1
    replications: int = 20
    engine: EngineSettings = field(default_factory=EngineSettings)
    sensors: TrackingSettings = field(default_factory=TrackingSettings)
    start: datetime = datetime(2025, 1, 1, tzinfo=timezone.utc)
