"""When each threat would end if nobody shot at it: impact, failure, EW loss, or (a carrier) its
return to base.

A threat fails on its own with its type's failure rate, at a uniform share of its flight; it also
fails when its route is longer than its type's range: it falls short when it has flown its range,
at launch time + range / speed [s] (a glide bomb released beyond its reach falls short so). A
carrier's sortie is checked against its range when the World is compiled; it ends ``RETURNED``
when it lands. EW losses: :mod:`.ew`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.engine.draws import ThreatDraws
from airshield.engine.flight import Flights
from airshield.engine.ew import ew_losses
from airshield.engine.streams import ThreatStreams
from airshield.world import World

IMPACT, FAILURE, EW_LOSS, RETURNED = 0, 1, 2, 3


@dataclass(frozen=True)
class Fates:
    """Per threat: ``end_time`` [s] and ``fate`` (IMPACT, FAILURE, EW_LOSS or RETURNED) absent interception,
    and ``ew_zone`` (row of the EW zone that made it lost, or -1)."""

    end_time: np.ndarray
    fate: np.ndarray
    ew_zone: np.ndarray


def unopposed_fates(world: World, draws: ThreatDraws, flights: Flights, streams: ThreatStreams) -> Fates:
    """Each threat's end without interception: the earliest of failure, EW loss and impact."""
    impact = flights.end_time
    start = draws.launch_time
    types = world.threat_types
    fails = draws.fail_draw < types.failure_rate[draws.type_index]
    fail_time = np.where(fails, start + draws.fail_fraction * (impact - start), np.inf)
    carrier = types.carrier[draws.type_index]
    fuel_out = start + types.range[draws.type_index] / types.speed[draws.type_index]
    fail_time = np.minimum(fail_time, np.where((fuel_out < impact) & ~carrier, fuel_out, np.inf))
    ew_time, ew_zone = ew_losses(world, draws, flights, streams)
    times = np.column_stack([impact, fail_time, ew_time])
    fate = np.argmin(times, axis=1)
    return Fates(end_time=times[np.arange(draws.n), fate], fate=np.where(carrier & (fate == IMPACT), RETURNED, fate),
                 ew_zone=np.where(fate == EW_LOSS, ew_zone, -1))
