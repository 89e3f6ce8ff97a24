"""Electronic warfare: a susceptible threat crossing an EW zone may become locationally lost.

A threat whose class the zone affects (``p_loss`` per class) and whose type is satellite-navigated
(``ew_susceptible``) is lost with probability ``p_loss`` on crossing the zone's circle, at a time
drawn uniformly within its first passage through it; the earliest loss over all zones counts.
"""

from __future__ import annotations

import numpy as np

from airshield.engine.draws import ThreatDraws
from airshield.engine.flight import Flights
from airshield.engine.streams import ThreatStreams
from airshield.kinematics import circle_windows
from airshield.world import World


def ew_losses(world: World, draws: ThreatDraws, flights: Flights,
              streams: ThreatStreams) -> tuple[np.ndarray, np.ndarray]:
    """Time [s] a susceptible threat is lost to EW (inf if never) and the zone responsible."""
    ew, n = world.ew, draws.n
    if not len(ew.name):
        return np.full(n, np.inf), np.full(n, -1)
    j, zones = np.arange(n)[:, None], np.arange(len(ew.name))[None, :]
    u_lost, u_when = streams.uniform("ew_lost", j, zones), streams.uniform("ew_when", j, zones)
    centres = np.column_stack([ew.x, ew.y])
    fast = world.run.engine.loop != "reference"
    t_in, t_out = flights.scatter(lambda traj, rows: circle_windows(traj, centres, ew.radius, fast=fast))
    susceptible = world.threat_types.ew_susceptible[draws.type_index]
    p_loss = ew.p_loss[:, draws.class_index].T * susceptible[:, None]
    lost = np.isfinite(t_in) & (u_lost < p_loss)
    when = np.where(lost, t_in + u_when * (t_out - t_in), np.inf)
    zone = np.argmin(when, axis=1)
    return when[np.arange(n), zone], zone
