"""Radar, acoustic and observer looks, vectorised over sensors x targets.

One look of sensor k at target j yields a plot when the target is active, of a class the sensor
reports, no faster than its ``max_speed``, inside its altitude band, above its ``min_elevation``
(when > 0), within the 4/3-Earth radar horizon for both heights, within the search range, and
a Bernoulli draw with the detection probability succeeds (:mod:`.detection`). The plot's range,
azimuth and elevation carry Gaussian noise; the converted x, y, z carry the linearised
covariance ``J diag(sr^2, sa^2, se^2) J^T``. False alarms: a Poisson number per scan placed
uniformly over the sensor's coverage disc and altitude band. Local flat geometry apart from the
horizon (ranges up to a few hundred km).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.physics import radar_horizon
from airshield.vocabulary import KIND_CODES
from airshield.world.tables import SensorTable
from airshield.physics import effective_range
from airshield.sensing.detection import DEFAULT_PFA, radar_pd
from airshield.sensing.plots import PLOT_COLUMNS, PlotTable, concat_plots

RADAR = KIND_CODES["radar"]
MIN_VARIANCE = 1e-6
"""Floor added to each axis of a plot covariance so noise-free plots stay invertible [m^2]."""


@dataclass(frozen=True)
class SensingParams:
    """Options of the measurement model.

    ``false_alarms``: mean false plots per radar scan over its coverage [-];
    ``false_alarms_other``: the same for acoustic nodes and observers [-];
    ``pfa``: false-alarm probability per cell shaping the Swerling curve [-];
    ``range_factor``: search range as a multiple of the effective range (catalogue range x
    (rcs / reference rcs)^(1/4)) [-]; ``clutter_ceiling``: top of false-alarm altitudes [m];
    ``noise``: False gives exact plots (variance floor only).
    """

    false_alarms: float = 1.0
    false_alarms_other: float = 0.0
    pfa: float = DEFAULT_PFA
    range_factor: float = 1.0
    clutter_ceiling: float = 10_000.0
    noise: bool = True


def polar(sensors: SensorTable, rows: np.ndarray, xyz: np.ndarray):
    """Slant range [m], azimuth [rad], elevation [rad] and ground range [m] of points ``xyz``
    (..., 3) from sensors ``rows`` (broadcast)."""
    dx = xyz[..., 0] - sensors.x[rows]
    dy = xyz[..., 1] - sensors.y[rows]
    dz = xyz[..., 2] - sensors.z[rows]
    ground = np.hypot(dx, dy)
    return np.sqrt(ground ** 2 + dz ** 2), np.arctan2(dy, dx), np.arctan2(dz, ground), ground


def to_cartesian(sensors: SensorTable, rows, r, az, el):
    """Positions (k, 3) [m] and covariances (k, 3, 3) [m^2] of polar plots of sensors ``rows``."""
    ce, se, ca, sa = np.cos(el), np.sin(el), np.cos(az), np.sin(az)
    xyz = np.column_stack([sensors.x[rows] + r * ce * ca, sensors.y[rows] + r * ce * sa,
                           sensors.z[rows] + r * se])
    # J diag(s_r^2, s_a^2, s_e^2) J^T, J the Jacobian of (x, y, z) in (r, az, el), entry by entry
    jac = ((ce * ca, -r * ce * sa, -r * se * ca), (ce * sa, r * ce * ca, -r * se * sa), (se, 0.0, r * ce))
    sig = (sensors.range_sigma[rows] ** 2, sensors.azimuth_sigma[rows] ** 2, sensors.elevation_sigma[rows] ** 2)
    cov = np.empty((len(r), 3, 3))
    for i in range(3):
        for l in range(i, 3):
            cov[:, i, l] = sum(jac[i][j] * sig[j] * jac[l][j] for j in range(3)) + (MIN_VARIANCE if i == l else 0.0)
            cov[:, l, i] = cov[:, i, l]
    return xyz, cov


def visible(sensors: SensorTable, rows: np.ndarray, xyz: np.ndarray, active: np.ndarray, speed: np.ndarray,
            rcs: np.ndarray, class_index: np.ndarray, range_factor: float = 1.0):
    """Geometric visibility (k, n) of n targets from sensors ``rows`` and their slant ranges (k, n)."""
    r, _, el, ground = polar(sensors, rows[:, None], xyz[None, :, :])
    s = lambda a: a[rows][:, None]  # noqa: E731
    z = xyz[None, :, 2]
    reach = effective_range(s(sensors.range), s(sensors.reference_rcs), rcs[None, :]) * range_factor
    ok = (active[None, :] & sensors.sees_class[rows][:, class_index] & (speed[None, :] <= s(sensors.max_speed))
          & (z >= s(sensors.min_alt)) & (z <= s(sensors.max_alt)) & (r <= reach)
          & (ground <= radar_horizon(s(sensors.z), z)))
    min_el = s(sensors.min_elevation)
    ok &= (min_el <= 0) | (el >= min_el)
    return ok, r


def detect_pd(sensors: SensorTable, rows, rcs, slant, pfa: float) -> np.ndarray:
    """Detection probability (k, n) given visibility: radar equation for radars, p_detect otherwise."""
    s = lambda a: a[rows][:, None]  # noqa: E731
    pd = radar_pd(s(sensors.p_detect), s(sensors.range), s(sensors.reference_rcs), rcs[None, :], slant, pfa)
    return np.where(s(sensors.kind) == RADAR, pd, s(sensors.p_detect))


def look(sensors: SensorTable, rows: np.ndarray, time: float, truth, rng: np.random.Generator,
         params: SensingParams, scan_index: np.ndarray) -> tuple[PlotTable, np.ndarray]:
    """Plots of one look by each sensor of ``rows`` at ``time`` [s] and which targets were visible (n,)."""
    xyz, active = truth.position(time), truth.active(time)
    speed = truth.speed(time)
    ok, slant = visible(sensors, rows, xyz, active, speed, truth.rcs, truth.class_index, params.range_factor)
    pd = detect_pd(sensors, rows, truth.rcs, slant, params.pfa)
    hit = ok & (rng.random(ok.shape) < pd)
    k, j = np.nonzero(hit)
    plots = [_measure(sensors, rows[k], xyz[j], j, time, scan_index[k], rng, params)]
    plots.append(_false_alarms(sensors, rows, time, scan_index, rng, params))
    return concat_plots(plots, np.zeros(0), np.zeros(0, int)), ok.any(axis=0)


def _measure(sensors, rows, xyz, truth_rows, time, scans, rng, params) -> PlotTable:
    r, az, el, _ = polar(sensors, rows, xyz)
    if params.noise:
        r = r + rng.standard_normal(len(r)) * sensors.range_sigma[rows]
        az = az + rng.standard_normal(len(r)) * sensors.azimuth_sigma[rows]
        el = el + rng.standard_normal(len(r)) * sensors.elevation_sigma[rows]
    pos, cov = to_cartesian(sensors, rows, np.abs(r), az, el)
    if not params.noise:
        pos = xyz
    return PlotTable(np.full(len(r), float(time)), rows, np.abs(r), az, el, pos[:, 0], pos[:, 1], pos[:, 2], cov,
                     np.asarray(truth_rows, int), scans, np.zeros(0), np.zeros(0, int))


def _false_alarms(sensors, rows, time, scans, rng, params) -> PlotTable:
    rate = np.where(sensors.kind[rows] == RADAR, params.false_alarms, params.false_alarms_other)
    count = rng.poisson(rate)
    k = np.repeat(np.arange(len(rows)), count)
    srow = rows[k]
    radius = sensors.range[srow] * np.sqrt(rng.random(len(k)))
    angle = rng.random(len(k)) * 2 * np.pi
    top = np.minimum(sensors.max_alt[srow], params.clutter_ceiling)
    alt = sensors.min_alt[srow] + rng.random(len(k)) * np.maximum(top - sensors.min_alt[srow], 0.0)
    xyz = np.column_stack([sensors.x[srow] + radius * np.cos(angle), sensors.y[srow] + radius * np.sin(angle), alt])
    plots = _measure(sensors, srow, xyz, np.full(len(k), -1), time, scans[k],
                     rng, SensingParams(**{**params.__dict__, "noise": False}))
    return plots


def scan_schedule(sensors: SensorTable, t_start: float, t_end: float) -> tuple[np.ndarray, np.ndarray]:
    """Times [s] and sensor rows of every scan in [t_start, t_end]: sensor k looks at whole
    multiples of its scan period; sorted by time, then sensor."""
    times, rows = [], []
    for k in range(sensors.n):
        p = sensors.scan_period[k]
        first, last = np.ceil(t_start / p - 1e-9), np.floor(t_end / p + 1e-9)
        t = np.arange(first, last + 1) * p + 0.0
        times.append(t)
        rows.append(np.full(len(t), k))
    t, r = np.concatenate(times) if times else np.zeros(0), np.concatenate(rows) if rows else np.zeros(0, int)
    order = np.lexsort((r, np.round(t, 9)))
    return t[order], r[order].astype(int)


def simulate_plots(sensors: SensorTable, truth, t_start: float, t_end: float, rng: np.random.Generator,
                   params: SensingParams | None = None) -> tuple[PlotTable, np.ndarray]:
    """All plots of all scans in [t_start, t_end] [s] and each target's first visible time (n,) [s]
    (the first scan at which some sensor could have detected it; inf if never)."""
    params = params or SensingParams()
    scan_time, scan_sensor = scan_schedule(sensors, t_start, t_end)
    first = np.full(truth.n, np.inf)
    parts = []
    key = np.round(scan_time, 9)
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else np.zeros(0, int)
    ends = np.r_[starts[1:], len(key)]
    for a, b in zip(starts, ends):
        plots, seen = look(sensors, scan_sensor[a:b], float(scan_time[a]), truth, rng, params, np.arange(a, b))
        first = np.where(seen & np.isinf(first), scan_time[a], first)
        if len(plots):
            parts.append(plots.take(np.argsort(plots.scan, kind="stable")))
    return concat_plots(parts, scan_time, scan_sensor), first
