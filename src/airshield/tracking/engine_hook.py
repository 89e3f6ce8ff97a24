"""Measurement-level sensing and tracking for one engine replication (``run.tracking: sensors``).

:func:`tracked_sight` simulates every sensor's plots over the raid, runs the fused
:class:`GnnTracker`, and returns a ``Sight`` (the engine's detection windows) built from firm
tracks instead of ideal detection windows, plus the track events. A threat is "held" while a
confirmed track of quality ``sigma <= max_sigma`` is matched to it; the match is made after the
fact, per tracker record time, by a GOSPA assignment within ``match_distance`` (the tracker never
sees which threat a plot came from). Gaps shorter than ``coast`` are joined, as in ideal mode.

Per-sensor windows (``seen_start/seen_end``, used by units that are not linked to the network)
are the span of each sensor's own plots of the threat, joined over ``coast``; the shared picture
(``net_start/net_end``) is the fused firm-track intervals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from airshield.sensing import FlightTruth, SensingParams, sensor_arrays, simulate_plots
from airshield.tracking.gnn import GnnTracker, run_tracker
from airshield.tracking.metrics import gospa
from airshield.tracking.params import TrackerParams
from airshield.tracking.picture import EVENT_NAMES


@dataclass(frozen=True)
class TrackingSettings:
    """``max_sigma`` worst-axis position 1-sigma a fire unit accepts [m]; ``match_distance`` for
    attributing tracks to threats [m]; ``coast`` joins gaps shorter than this [s]."""

    tracker: TrackerParams = field(default_factory=lambda: TrackerParams(confirm_m=3, confirm_n=5))
    sensing: SensingParams = field(default_factory=lambda: SensingParams(false_alarms=0.2))
    max_sigma: float = 500.0
    match_distance: float = 2000.0
    coast: float = 120.0


def tracked_sight(world, draws, flights, fates, rng: np.random.Generator, settings: TrackingSettings | None = None):
    """(Sight, track events DataFrame) of one replication from simulated plots and the tracker."""
    from airshield.engine.sight import Sight, merge_intervals

    settings = settings or TrackingSettings()
    sensors = sensor_arrays(world)
    types = world.threat_types
    truth = FlightTruth(flights, types.rcs[draws.type_index], draws.class_index, draws.launch_time, fates.end_time)
    n, m = draws.n, sensors.n
    t0, t1 = float(draws.launch_time.min(initial=0.0)), float(np.max(fates.end_time, initial=0.0))
    plots, _ = simulate_plots(sensors, truth, t0, t1, rng, settings.sensing)
    history = run_tracker(GnnTracker(settings.tracker, sensors), plots)
    seen_start, seen_end = _sensor_windows(plots, n, m, settings.coast)
    held_start, held_end = _held_intervals(truth, history, n, settings)
    net_start, net_end = merge_intervals(held_start, held_end, settings.coast)
    first = np.where(np.isnan(net_start[:, 0]), np.nan, net_start[:, 0])
    first_sensor = np.full(n, -1)
    real = plots.truth >= 0
    if real.any():
        order = np.lexsort((plots.time[real], plots.truth[real]))
        idx = np.flatnonzero(real)[order]
        uniq, pos = np.unique(plots.truth[idx], return_index=True)
        first_sensor[uniq] = plots.sensor[idx[pos]]
    events = pd.DataFrame({"time": history.event_time, "event": np.array(("track_" + np.array(EVENT_NAMES)))[
        history.event] if len(history.event) else np.zeros(0, str), "track": history.event_track})
    return Sight(seen_start, seen_end, net_start, net_end, first, first_sensor), events


def _sensor_windows(plots, n: int, m: int, coast: float):
    """Per (threat, sensor): first and last plot time [s] (NaN if none). Gaps are not split."""
    start, end = np.full((n, m), np.nan), np.full((n, m), np.nan)
    real = plots.truth >= 0
    j, k, t = plots.truth[real], plots.sensor[real], plots.time[real]
    flat = j * m + k
    s = np.full(n * m, np.inf)
    e = np.full(n * m, -np.inf)
    np.minimum.at(s, flat, t)
    np.maximum.at(e, flat, t)
    ok = np.isfinite(s)
    start.ravel()[ok], end.ravel()[ok] = s[ok], e[ok]
    return start, end


def _held_intervals(truth, history, n: int, settings: TrackingSettings):
    """Per threat, intervals (n, K) during which a firm track is matched to it."""
    times = np.unique(history.time)
    good = history.sigma <= settings.max_sigma
    held_t: list[np.ndarray] = []
    held_j: list[np.ndarray] = []
    for t in times:
        rows = history.at(t)
        rows = rows[good[rows]]
        active = np.flatnonzero(truth.active(t))
        if len(rows) == 0 or len(active) == 0:
            continue
        g = gospa(truth.position(t)[active], history.xyz[rows], c=settings.match_distance)
        j = active[g.assignment >= 0]
        held_t.append(np.full(len(j), t))
        held_j.append(j)
    start, end = np.full((n, 1), np.nan), np.full((n, 1), np.nan)
    if not held_t:
        return start, end
    tt, jj = np.concatenate(held_t), np.concatenate(held_j)
    # consecutive record times per threat form intervals; merge_intervals joins gaps < coast later
    order = np.lexsort((tt, jj))
    tt, jj = tt[order], jj[order]
    counts = np.bincount(jj, minlength=n)
    width = counts.max()
    start, end = np.full((n, width), np.nan), np.full((n, width), np.nan)
    slot = np.arange(len(jj)) - np.repeat(np.cumsum(counts) - counts, counts)
    start[jj, slot] = tt
    end[jj, slot] = tt
    return start, end
