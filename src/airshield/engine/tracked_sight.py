"""Measurement-level sensing and tracking for one engine replication (``run.tracking: sensors``).

:func:`tracked_sight` simulates the sensors' plots where they can occur (inside each sensor's
detection windows, on report frames: :func:`airshield.sensing.windowed.window_plots`, compiled), runs
the frame-fed fusion tracker over them (compiled, :func:`~airshield.tracking.compiled.track_frames`),
and returns the engine's ``Sight`` built from firm tracks, plus the track events of each threat.
With ``run.engine.loop: reference`` both run their readable references instead (the numpy plots,
equal byte for byte, and :class:`~airshield.tracking.frames.FrameTracker`), and so do the held
intervals (:mod:`airshield.engine.held`, numpy against compiled, equal).

- A track update is **firm** when the track is confirmed and its position sigma (worst axis)
  after the frame is at most ``max_sigma``. The update holds the threats whose plots it used
  (the plots' truth labels, which the tracker never reads: attribution after the fact).
- A threat is **held** from a firm update of a track on it through that track's following firm
  updates, as long as they come at most ``hold`` [s] apart; the interval ends at the last one.
  A track deleted, re-initiated, seduced by clutter or too poor thus ends the interval, and the
  threat is held again only when a track on it is firm again (M-of-N confirmation and filter
  convergence: the cost of a broken track). The shared picture (``net_start/net_end``) is the
  union of all tracks' held intervals per threat.
- A unit not linked to the network sees through its own radar only: ``seen_start/seen_end``
  of sensor k is the first interval in which firm updates used k's plots of the threat.
- ``first_seen`` / ``first_sensor``: the threat's first plot.
- Track events per threat: ``track_confirm`` at the start of each held interval and
  ``track_lost`` at its end when the threat still flies more than ``hold`` after it (its
  unopposed end; the engine drops events after a kill), with the threat's true position.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from airshield.engine.held import first_plots, first_plots_reference, held_intervals, held_intervals_compiled
from airshield.engine.sight import Sight
from airshield.kinematics import detection_windows
from airshield.sensing import FlightTruth, SensingParams
from airshield.sensing.windowed import frame_period, report_frames, window_plots, window_reach
from airshield.tracking.compiled import track_frames
from airshield.tracking.frames import run_frame_tracker
from airshield.tracking.params import TrackerParams
from airshield.world.settings import TrackingSettings

TRACK_EVENTS = ("track_confirm", "track_lost")
"""EventLog kinds written in sensor mode."""


def tracker_params(settings: TrackingSettings) -> TrackerParams:
    """The tracker's parameters from the run's sensor-mode settings."""
    return TrackerParams(confirm_m=settings.confirm_m, confirm_n=settings.confirm_n,
                         delete_misses=settings.delete_misses, max_coast=settings.max_coast,
                         init_speed_sigma=settings.init_speed_sigma)


def sensing_params(settings: TrackingSettings) -> SensingParams:
    """The measurement model's options from the run's sensor-mode settings."""
    return SensingParams(false_alarms=settings.false_alarms)


@dataclass(frozen=True)
class TrackedRun:
    """What the sensor mode produced: plots, the tracker's update record and events."""

    plots: object
    updates: dict
    events: dict


def detection_spans(world, draws, flights, fates, sensors, range_factor: float = 1.0):
    """Per (threat, sensor), the window [s] in which the threat can be in the sensor's coverage
    (the engine's detection window, clipped to launch .. unopposed end); NaN where never."""
    types = world.threat_types
    rcs = types.rcs[draws.type_index]
    reach = window_reach(sensors, rcs, draws.class_index, types.speed[draws.type_index], range_factor)
    xyz = np.column_stack([sensors.x, sensors.y, sensors.z])
    fast = world.run.engine.loop != "reference"
    t_in, t_out = flights.scatter(lambda traj, rows: detection_windows(
        traj, xyz, reach[rows], sensors.min_alt, sensors.max_alt, fast=fast))
    t_in = np.maximum(t_in, draws.launch_time[:, None])
    t_out = np.minimum(t_out, fates.end_time[:, None])
    bad = ~(t_out >= t_in)
    return np.where(bad, np.nan, t_in), np.where(bad, np.nan, t_out)


def track_raid(world, draws, flights, fates, rng: np.random.Generator) -> TrackedRun:
    """Plots of the raid and the fusion tracker run over them, frame by frame (both compiled, or the
    numpy plots and the reference :class:`FrameTracker` when ``run.engine.loop`` is ``reference``)."""
    settings = world.run.sensors
    sensing = sensing_params(settings)
    sensors = world.sensors
    types = world.threat_types
    truth = FlightTruth(flights, types.rcs[draws.type_index], draws.class_index, draws.launch_time, fates.end_time)
    t_in, t_out = detection_spans(world, draws, flights, fates, sensors, sensing.range_factor)
    fast = world.run.engine.loop != "reference"
    plots = window_plots(sensors, truth, t_in, t_out, settings.frame, rng, sensing, compiled=fast)
    track = track_frames if fast else run_frame_tracker
    updates, events = track(*report_frames(plots), plots.xyz, plots.cov, plots.sensor, np.arange(len(plots)),
                            frame_period(sensors, settings.frame), tracker_params(settings))
    return TrackedRun(plots, updates, events)


def tracked_sight(world, draws, flights, fates, rng: np.random.Generator):
    """(Sight, track events DataFrame: time, kind, threat, x, y, z) of one replication."""
    settings = world.run.sensors
    run = track_raid(world, draws, flights, fates, rng)
    plots, upd = run.plots, run.updates
    n, m = draws.n, len(world.sensors.name)
    truth = plots.truth[upd["plot"]]
    firm = upd["confirmed"] & (upd["sigma"] <= settings.max_sigma) & (truth >= 0)
    time, track, threat = upd["time"][firm], upd["track"][firm], truth[firm]
    sensor = plots.sensor[upd["plot"]][firm]
    fast = world.run.engine.loop != "reference"
    held = held_intervals_compiled if fast else held_intervals
    key, start, end = held(threat, track, time, settings.hold)
    net_start, net_end = _pad(key, start, end, n)
    # per (threat, sensor): the first interval of firm updates that used that sensor's plots
    skey, sstart, send = held(threat * m + sensor, track, time, settings.hold)
    seen_start, seen_end = np.full(n * m, np.nan), np.full(n * m, np.nan)
    first = np.r_[True, skey[1:] != skey[:-1]] if len(skey) else np.zeros(0, bool)
    seen_start[skey[first]], seen_end[skey[first]] = sstart[first], send[first]
    first_seen, first_sensor = (first_plots if fast else first_plots_reference)(plots.truth, plots.time,
                                                                                 plots.sensor, n)
    sight = Sight(seen_start.reshape(n, m), seen_end.reshape(n, m), net_start, net_end, first_seen, first_sensor)
    return sight, _events(flights, fates, key, start, end, settings.hold)


def _pad(key: np.ndarray, start: np.ndarray, end: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(n, K) NaN-padded interval arrays from (key, start, end) sorted by key then start."""
    counts = np.bincount(key, minlength=n) if len(key) else np.zeros(n, int)
    width = max(int(counts.max(initial=0)), 1)
    out_s, out_e = np.full((n, width), np.nan), np.full((n, width), np.nan)
    slot = np.arange(len(key)) - np.repeat(np.cumsum(counts) - counts, counts)
    out_s[key, slot], out_e[key, slot] = start, end
    return out_s, out_e


def _events(flights, fates, key, start, end, hold: float) -> pd.DataFrame:
    """track_confirm at each held interval's start, track_lost at its end when the threat still
    flies more than ``hold`` [s] after it."""
    lost = end + hold < fates.end_time[key]
    time = np.r_[start, end[lost]]
    threat = np.r_[key, key[lost]].astype(int)
    kind = np.r_[np.full(len(start), TRACK_EVENTS[0], dtype=object), np.full(lost.sum(), TRACK_EVENTS[1], dtype=object)]
    xyz = flights.position(threat, time) if len(threat) else np.zeros((0, 3))
    order = np.lexsort((threat, time))
    return pd.DataFrame({"time": time[order], "kind": kind[order], "threat": threat[order],
                         "x": xyz[order, 0], "y": xyz[order, 1], "z": xyz[order, 2]})
