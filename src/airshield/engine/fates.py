"""When each threat would end if nobody shot at it: impact, failure on its own, or EW loss."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.engine.draws import ThreatDraws
from airshield.engine.flight import Flights
from airshield.kinematics import circle_windows
from airshield.world import World

IMPACT, FAILURE, EW_LOSS = 0, 1, 2


@dataclass(frozen=True)
class Fates:
    """Per threat: ``end_time`` [s] and ``fate`` (IMPACT, FAILURE or EW_LOSS) absent interception,
    and ``ew_zone`` (row of the EW zone that made it lost, or -1)."""

    end_time: np.ndarray
    fate: np.ndarray
    ew_zone: np.ndarray


def unopposed_fates(world: World, draws: ThreatDraws, flights: Flights, rng: np.random.Generator) -> Fates:
    """Each threat's end without interception: the earliest of failure, EW loss and impact."""
    impact = flights.end_time
    start = draws.launch_time
    types = world.threat_types
    fails = draws.fail_draw < types.failure_rate[draws.type_index]
    fail_time = np.where(fails, start + draws.fail_fraction * (impact - start), np.inf)
    ew_time, ew_zone = _ew_loss(world, draws, flights, rng)
    times = np.column_stack([impact, fail_time, ew_time])
    fate = np.argmin(times, axis=1)
    return Fates(end_time=times[np.arange(draws.n), fate], fate=fate,
                 ew_zone=np.where(fate == EW_LOSS, ew_zone, -1))


def _ew_loss(world: World, draws: ThreatDraws, flights: Flights,
             rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Time [s] a susceptible threat is lost to EW (inf if never) and the zone responsible."""
    ew, n = world.ew, draws.n
    u_lost = rng.random((n, len(ew.name)))
    u_when = rng.random((n, len(ew.name)))
    if not len(ew.name):
        return np.full(n, np.inf), np.full(n, -1)
    centres = np.column_stack([ew.x, ew.y])
    t_in, t_out = flights.scatter(lambda traj, rows: circle_windows(traj, centres, ew.radius))
    susceptible = world.threat_types.ew_susceptible[draws.type_index]
    p_loss = ew.p_loss[:, draws.class_index].T * susceptible[:, None]
    lost = np.isfinite(t_in) & (u_lost < p_loss)
    when = np.where(lost, t_in + u_when * (t_out - t_in), np.inf)
    zone = np.argmin(when, axis=1)
    return when[np.arange(n), zone], zone
