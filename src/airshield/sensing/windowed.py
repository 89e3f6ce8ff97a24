"""Plots of a whole raid simulated only where they can occur: inside detection windows, on frames.

:func:`simulate_plots` looks with every sensor at every target at every scan; over a night
with a hundred sensors that is millions of looks at nothing. :func:`window_plots` instead takes,
per (target, sensor), the window in which the target can be in the sensor's coverage (the
engine's detection windows: range against the target's cross-section, 4/3-Earth horizon,
altitude band, class and speed) and simulates looks only there, all at once as flat arrays:

- **Frames.** Scans are reported to the fusion centre on a grid of ``frame`` [s] (the C2
  cycle). A sensor scanning faster than the frame reports once per frame with the detection
  probability of its scans in it, ``1 - (1 - Pd)^(frame / period)`` (one plot, one plot's
  noise); a slower sensor scans every ``period`` from a random phase, each scan reported at the
  next frame time (and measured then).
- **Looks** inside a window are checked point by point with the same visibility rules as
  :func:`~airshield.sensing.measure.visible` (exact horizon, band, minimum elevation, search
  range), then detected with the Swerling / constant Pd model and measured with polar noise.
- **Scans** of a sensor are listed over its active span only (the union of its windows): the
  tracker counts misses on them. False alarms: Poisson per listed scan (``false_alarms`` per
  radar scan, ``false_alarms_other`` per acoustic / observer report, times the scans folded
  into the frame), uniform over the coverage disc and altitude band, as in
  :func:`~airshield.sensing.measure.simulate_plots`. A sensor with no target in its windows
  makes no scans and no false alarms.
"""

from __future__ import annotations

import numpy as np

from airshield.physics import radar_horizon
from airshield.world.tables import SensorTable
from airshield.physics import detection_reach, effective_range
from airshield.sensing.detection import radar_pd
from airshield.sensing.measure import RADAR, SensingParams, _measure, polar
from airshield.sensing.plots import PLOT_COLUMNS, PlotTable, concat_plots, empty_plots

CHUNK = 400_000
"""Looks evaluated per block (bounds memory) [-]."""


def window_reach(sensors: SensorTable, rcs: np.ndarray, class_index: np.ndarray, speed: np.ndarray,
                 range_factor: float = 1.0) -> np.ndarray:
    """Search range (n, sensors) [m] of each sensor against each target (the detection-reach rule,
    :func:`airshield.physics.detection_reach`, times ``range_factor``)."""
    return detection_reach(sensors, rcs, class_index, speed, range_factor)


def frame_period(sensors: SensorTable, frame: float) -> np.ndarray:
    """Reporting period of each sensor on a ``frame`` [s] grid: max(scan period, frame) [s]."""
    return np.maximum(sensors.scan_period, frame)


def frame_scans(sensors: SensorTable, frame: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per sensor: reporting period [s] (max(period, frame)), phase [s] (0 for sensors at least
    as fast as the frame, uniform in the period otherwise) and scans folded into one report [-]."""
    period = frame_period(sensors, frame)
    slow = sensors.scan_period > frame
    phase = np.where(slow, rng.random(sensors.n) * sensors.scan_period, 0.0)
    folded = np.where(slow, 1.0, frame / sensors.scan_period)
    return period, phase, folded


def _grid(start: np.ndarray, end: np.ndarray, period: np.ndarray, phase: np.ndarray, frame: float):
    """Scan times phase + i period in [start, end], each snapped up to the frame grid: (owner
    row, time) of every scan, owner ascending."""
    first = np.ceil((start - phase) / period - 1e-9)
    last = np.floor((end - phase) / period + 1e-9)
    count = np.maximum(last - first + 1, 0).astype(np.int64)
    count[~np.isfinite(first) | ~np.isfinite(last)] = 0
    owner = np.repeat(np.arange(len(start)), count)
    offset = np.arange(len(owner)) - np.repeat(np.cumsum(count) - count, count)
    raw = phase[owner] + (first[owner] + offset) * period[owner]
    return owner, np.ceil(np.round(raw / frame, 9)) * frame


def active_spans(t_in: np.ndarray, t_out: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per sensor, the union of its windows over targets: (sensor, start, end) of disjoint spans."""
    j, k = np.nonzero(np.isfinite(t_in) & np.isfinite(t_out) & (t_out >= t_in))
    if len(j) == 0:
        return np.zeros(0, int), np.zeros(0), np.zeros(0)
    a, b = t_in[j, k], t_out[j, k]
    order = np.lexsort((a, k))
    k, a, b = k[order], a[order], b[order]
    # running maximum of the ends within each sensor (offset per sensor keeps groups apart)
    shift = (np.nanmax(b) - np.nanmin(a) + 1.0) * 2
    reach = np.maximum.accumulate(b + k * shift) - k * shift
    new = np.r_[True, (k[1:] != k[:-1]) | (a[1:] > reach[:-1])]
    starts = np.flatnonzero(new)
    ends = np.r_[starts[1:], len(k)] - 1
    return k[starts], a[starts], reach[ends]


def window_plots(sensors: SensorTable, truth, t_in: np.ndarray, t_out: np.ndarray, frame: float,
                 rng: np.random.Generator, params: SensingParams | None = None, compiled: bool = True) -> PlotTable:
    """All plots of the raid inside the windows ``t_in``/``t_out`` (n, sensors) [s] (NaN: never),
    reported on a ``frame`` [s] grid; scans are every (time, sensor) report over each sensor's
    active span. ``truth`` needs ``positions(rows, times)``, ``rcs``, ``class_index``, ``start``,
    ``end``. Deterministic for a generator state; plots sorted by scan. ``compiled`` runs the numba
    kernels (:mod:`airshield.sensing.compiled`), byte for byte equal to this numpy reference
    (``compiled=False``) for the same generator state."""
    params = params or SensingParams()
    if compiled:
        from airshield.sensing.compiled import compiled_window_plots
        return compiled_window_plots(sensors, truth, t_in, t_out, frame, rng, params)
    period, phase, folded = frame_scans(sensors, frame, rng)
    scan_t, scan_k = scan_list(t_in, t_out, period, phase, frame)
    j, k, look_t = look_list(t_in, t_out, period, phase, frame)
    parts = []
    for lo in range(0, len(j), CHUNK):
        sl = slice(lo, lo + CHUNK)
        parts.append(_looks(sensors, truth, j[sl], k[sl], look_t[sl], folded, rng, params))
    parts.append(_scan_false_alarms(sensors, scan_t, scan_k, folded, rng, params))
    plots = concat_plots(parts, scan_t, scan_k)
    scan_key, key = scan_keys(scan_t, scan_k, frame, sensors.n), plot_keys(plots.time, plots.sensor, frame, sensors.n)
    scan = np.searchsorted(scan_key, key)
    ok = (scan < len(scan_key)) & (scan_key[np.minimum(scan, max(len(scan_key) - 1, 0))] == key) \
        if len(scan_key) else np.zeros(len(plots), bool)
    rows = np.flatnonzero(ok)
    rows = rows[np.argsort(scan[rows], kind="stable")]
    plots = plots.take(rows)
    return PlotTable(**{c: getattr(plots, c) for c in PLOT_COLUMNS if c != "scan"}, cov=plots.cov, scan=scan[rows],
                     scan_time=scan_t, scan_sensor=scan_k)


def scan_list(t_in: np.ndarray, t_out: np.ndarray, period: np.ndarray, phase: np.ndarray, frame: float):
    """(time [s], sensor row) of every report over the sensors' active spans, sorted by time then
    sensor, without repeats."""
    span_sensor, span_start, span_end = active_spans(t_in, t_out)
    owner, scan_t = _grid(span_start, span_end, period[span_sensor], phase[span_sensor], frame)
    scan_k = span_sensor[owner]
    order = np.lexsort((scan_k, scan_t))
    scan_t, scan_k = scan_t[order], scan_k[order]
    keep = np.r_[True, (scan_t[1:] != scan_t[:-1]) | (scan_k[1:] != scan_k[:-1])] if len(scan_t) else np.zeros(0, bool)
    return scan_t[keep], scan_k[keep]


def look_list(t_in: np.ndarray, t_out: np.ndarray, period: np.ndarray, phase: np.ndarray, frame: float):
    """(target row, sensor row, time [s]) of every look inside every (target, sensor) window, by
    window (target, then sensor) and time."""
    j, k = np.nonzero(np.isfinite(t_in) & np.isfinite(t_out) & (t_out >= t_in))
    owner, look_t = _grid(t_in[j, k], t_out[j, k], period[k], phase[k], frame)
    return j[owner], k[owner], look_t


def frame_index(time: np.ndarray, frame: float) -> np.ndarray:
    """Report frame of times [s] on a ``frame`` [s] grid (nearest whole multiple)."""
    return np.round(time / frame).astype(np.int64)


def scan_keys(scan_t: np.ndarray, scan_k: np.ndarray, frame: float, m: int) -> np.ndarray:
    """Sort key of each scan: frame index, then sensor row (ascending for a scan list)."""
    return frame_index(scan_t, frame) * m + scan_k


def plot_keys(time: np.ndarray, sensor: np.ndarray, frame: float, m: int) -> np.ndarray:
    """Scan key (:func:`scan_keys`) of each plot."""
    return frame_index(time, frame) * m + sensor


def _looks(sensors: SensorTable, truth, j, k, t, folded, rng, params) -> PlotTable:
    """Detections among looks (target j, sensor k, time t), measured with noise."""
    xyz = truth.positions(j, t)
    active = (truth.start[j] <= t) & (t <= truth.end[j])
    r, _, el, ground = polar(sensors, k, xyz)
    z = xyz[:, 2]
    reach = effective_range(sensors.range[k], sensors.reference_rcs[k], truth.rcs[j]) * params.range_factor
    ok = (active & (z >= sensors.min_alt[k]) & (z <= sensors.max_alt[k]) & (r <= reach)
          & (ground <= radar_horizon(sensors.z[k], z)))
    ok &= (sensors.min_elevation[k] <= 0) | (el >= sensors.min_elevation[k])
    pd = np.where(sensors.kind[k] == RADAR,
                  radar_pd(sensors.p_detect[k], sensors.range[k], sensors.reference_rcs[k], truth.rcs[j], r,
                           params.pfa), sensors.p_detect[k])
    pd = 1.0 - (1.0 - pd) ** folded[k]
    hit = np.flatnonzero(ok & (rng.random(len(j)) < pd))
    plots = _measure(sensors, k[hit], xyz[hit], j[hit], 0.0, np.zeros(len(hit), int), rng, params)
    return _with_time(plots, t[hit])


def _with_time(plots: PlotTable, time: np.ndarray) -> PlotTable:
    cols = {c: getattr(plots, c) for c in PLOT_COLUMNS if c != "time"}
    return PlotTable(time=np.asarray(time, float), **cols, cov=plots.cov, scan_time=plots.scan_time,
                     scan_sensor=plots.scan_sensor)


def _scan_false_alarms(sensors: SensorTable, scan_t, scan_k, folded, rng, params) -> PlotTable:
    """False plots of every listed scan: Poisson with the per-scan rate times the scans folded
    into the report, each placed uniformly over the coverage disc and altitude band."""
    count = false_counts(sensors, scan_k, folded, rng, params)
    if count is None:
        return empty_plots()
    rep = np.repeat(np.arange(len(scan_k)), count)
    return _with_time(_place_false(sensors, scan_k[rep], rng, params), scan_t[rep])


def _place_false(sensors: SensorTable, srow: np.ndarray, rng, params) -> PlotTable:
    xyz = false_points(sensors, srow, rng, params)
    return _measure(sensors, srow, xyz, np.full(len(srow), -1), 0.0, np.zeros(len(srow), int), rng,
                    SensingParams(**{**params.__dict__, "noise": False}))


def false_rates(sensors: SensorTable, folded: np.ndarray, params: SensingParams) -> np.ndarray:
    """Mean false plots per report of each sensor [-]: the per-scan rate times the scans folded in."""
    return np.where(sensors.kind == RADAR, params.false_alarms, params.false_alarms_other) * folded


def false_counts(sensors: SensorTable, scan_k, folded, rng, params) -> np.ndarray | None:
    """Number of false plots of every listed scan (Poisson), or None when no scan can have any."""
    rate = false_rates(sensors, folded, params)
    if len(scan_k) == 0 or not np.any(rate[scan_k] > 0):
        return None
    return rng.poisson(rate[scan_k])


def false_points(sensors: SensorTable, srow: np.ndarray, rng, params) -> np.ndarray:
    """Positions (k, 3) [m] of false plots of sensors ``srow``: uniform over the coverage disc and
    the altitude band below the clutter ceiling."""
    radius = sensors.range[srow] * np.sqrt(rng.random(len(srow)))
    angle = rng.random(len(srow)) * 2 * np.pi
    top = np.minimum(sensors.max_alt[srow], params.clutter_ceiling)
    alt = sensors.min_alt[srow] + rng.random(len(srow)) * np.maximum(top - sensors.min_alt[srow], 0.0)
    return np.column_stack([sensors.x[srow] + radius * np.cos(angle), sensors.y[srow] + radius * np.sin(angle), alt])


def report_frames(plots: PlotTable) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The report frames of a plot table sorted by scan, as the fusion trackers take them: (frame
    times [s], bounds of each frame's scans (F + 1,), the scans' sensor rows, bounds of each
    frame's plots (F + 1,))."""
    scan_time = plots.scan_time
    starts = np.flatnonzero(np.r_[True, scan_time[1:] != scan_time[:-1]]) if len(scan_time) else np.zeros(0, int)
    scan_cut = np.r_[starts, len(scan_time)]
    return scan_time[starts], scan_cut, plots.scan_sensor, np.searchsorted(plots.scan, scan_cut)
