"""What the defence sees: detection windows per sensor, and the shared picture per threat."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.engine.draws import ThreatDraws
from airshield.engine.flight import Flights
from airshield.engine.streams import ThreatStreams
from airshield.kinematics import detection_windows
from airshield.physics import detection_reach
from airshield.world import World


@dataclass(frozen=True)
class Sight:
    """``seen_start/seen_end`` (n, sensors) [s], NaN where a sensor never holds the threat;
    ``net_start/net_end`` (n, K) [s] the shared picture's intervals (NaN padded);
    ``first_seen`` (n,) [s] first detection by any sensor (NaN if never)."""

    seen_start: np.ndarray
    seen_end: np.ndarray
    net_start: np.ndarray
    net_end: np.ndarray
    first_seen: np.ndarray
    first_sensor: np.ndarray


def observe(world: World, draws: ThreatDraws, flights: Flights, streams: ThreatStreams,
            coast: float) -> Sight:
    """Detection windows after scan delays, and the picture merged across sensors.

    A sensor first holds a threat after a uniform scan phase plus the scans it takes to detect it
    (geometric with the sensor's ``p_detect`` per scan) from the threat's entry into its coverage."""
    sensors, n = world.sensors, draws.n
    m = len(sensors.name)
    if m == 0:
        empty = np.full((n, 0), np.nan)
        return Sight(empty, empty, empty, empty, np.full(n, np.nan), np.full(n, -1))
    j, k = np.arange(n)[:, None], np.arange(m)[None, :]
    u_phase = streams.uniform("scan_phase", j, k)
    scans = streams.geometric("scan_count", j, k, np.clip(sensors.p_detect, 1e-6, 1.0)[None, :])
    reach = _max_range(world, draws)
    xyz = np.column_stack([sensors.x, sensors.y, sensors.z])
    fast = world.run.engine.loop != "reference"
    t_in, t_out = flights.scatter(lambda traj, rows: detection_windows(
        traj, xyz, reach[rows], sensors.min_alt, sensors.max_alt, fast=fast))
    start = t_in + (u_phase + scans - 1) * sensors.scan_period
    held = start < t_out
    seen_start, seen_end = np.where(held, start, np.nan), np.where(held, t_out, np.nan)
    net_start, net_end = merge_intervals(seen_start, seen_end, coast)
    first = np.where(np.isnan(seen_start), np.inf, seen_start)
    first_sensor = np.argmin(first, axis=1)
    first_seen = first[np.arange(n), first_sensor]
    return Sight(seen_start, seen_end, net_start, net_end, np.where(np.isinf(first_seen), np.nan, first_seen),
                 np.where(np.isinf(first_seen), -1, first_sensor))


def _max_range(world: World, draws: ThreatDraws) -> np.ndarray:
    """Detection reach (n, sensors) [m] of each sensor against each threat (the physical rule,
    :func:`airshield.physics.detection_reach`)."""
    types = world.threat_types
    return detection_reach(world.sensors, types.rcs[draws.type_index], draws.class_index,
                           types.speed[draws.type_index])


def merge_intervals(start: np.ndarray, end: np.ndarray, gap: float) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the union of intervals [start, end] joining those less than ``gap`` [s] apart.

    start, end (n, m) with NaN for none; returns (n, K) arrays, NaN padded, sorted by start.
    """
    n = start.shape[0]
    order = np.argsort(np.where(np.isnan(start), np.inf, start), axis=1)
    s = np.take_along_axis(start, order, axis=1)
    e = np.take_along_axis(end, order, axis=1)
    width = int((~np.isnan(s)).sum(axis=1).max(initial=0))
    out_s, out_e = np.full((n, max(width, 1)), np.nan), np.full((n, max(width, 1)), np.nan)
    count = np.zeros(n, dtype=int)
    rows = np.arange(n)
    for k in range(width):
        sk, ek = s[:, k], e[:, k]
        valid = ~np.isnan(sk)
        last = np.maximum(count - 1, 0)
        joins = valid & (count > 0) & (sk <= out_e[rows, last] + gap)
        out_e[rows[joins], last[joins]] = np.maximum(out_e[rows[joins], last[joins]], ek[joins])
        opens = valid & ~joins
        out_s[rows[opens], count[opens]] = sk[opens]
        out_e[rows[opens], count[opens]] = ek[opens]
        count += opens
    return out_s, out_e
