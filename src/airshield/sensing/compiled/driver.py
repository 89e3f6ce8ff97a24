"""The compiled :func:`~airshield.sensing.windowed.window_plots`: the same scans, looks, draws and
plots as the numpy reference, byte for byte, with the per-look arithmetic in numba kernels.

Every random draw stays in numpy, with the generator, order and sizes of the reference: the
frame phases, then per block of :data:`~airshield.sensing.windowed.CHUNK` looks one uniform per
look and (with noise) three standard normals per detection (range, azimuth, elevation noise, one
block each), then the Poisson false-alarm counts and their uniform placements. The kernels take
the draws as arrays.
"""

from __future__ import annotations

import numpy as np

from airshield.physics.horizon import EARTH_RADIUS_M, K_FACTOR
from airshield.sensing.compiled.assemble import scan_order, table_into
from airshield.sensing.compiled.columns import flat_waypoints, sensor_matrix
from airshield.sensing.compiled.looks import look_hits
from airshield.sensing.compiled.records import FLOAT_COLUMNS, INT_COLUMNS, SENSOR, T, false_records, finish_records
from airshield.sensing.compiled.positions import waypoint_positions
from airshield.sensing.plots import PlotTable
from airshield.sensing.windowed import (CHUNK, false_counts, false_points, false_rates, frame_index, frame_scans,
                                        look_list, scan_keys, scan_list)

TWO_KR = 2.0 * K_FACTOR * EARTH_RADIUS_M
"""2 k R of the 4/3-Earth horizon [m] (as :func:`airshield.physics.radar_horizon`)."""


def compiled_window_plots(sensors, truth, t_in, t_out, frame: float, rng: np.random.Generator, params) -> PlotTable:
    """:func:`~airshield.sensing.windowed.window_plots` through the kernels (same arguments, same table)."""
    period, phase, folded = frame_scans(sensors, frame, rng)
    scan_t, scan_k = scan_list(t_in, t_out, period, phase, frame)
    j, k, look_t = look_list(t_in, t_out, period, phase, frame)
    S, way = sensor_matrix(sensors, params.pfa), flat_waypoints(truth)
    F, I = _records(len(j) + _false_bound(false_rates(sensors, folded, params)[scan_k].sum()))
    used, targets = 0, tuple(np.ascontiguousarray(a, float) for a in (truth.rcs, truth.start, truth.end))
    for lo in range(0, len(j), CHUNK):
        used = _detections(S, truth, way, targets, j[lo:lo + CHUNK], k[lo:lo + CHUNK], look_t[lo:lo + CHUNK],
                           folded, rng, params, F, I, used)
    F, I, used = _false_alarms(S, sensors, scan_t, scan_k, folded, rng, params, F, I, used)
    return _table(S, F, I, used, scan_t, scan_k, frame)


def _table(S, F, I, used: int, scan_t, scan_k, frame: float) -> PlotTable:
    """The plot table of records 0 .. ``used`` - 1 ordered by scan (``scan_t`` [s], ``scan_k``)."""
    m = len(S)
    scan, order = np.empty(used, np.int64), np.empty(used, np.int64)
    order = order[:scan_order(scan_keys(scan_t, scan_k, frame, m), frame_index(F[:used, T], frame),
                              I[:used, SENSOR], m, scan, order)]
    n = len(order)
    out, ints = tuple(np.empty(n) for _ in range(7)), tuple(np.empty(n, np.int64) for _ in range(3))
    cov = np.empty((n, 3, 3))
    table_into(S, F, I, scan, order, out, cov, ints)
    return PlotTable(out[0], ints[0], *out[1:], cov, ints[1], ints[2], np.asarray(scan_t, float),
                     np.asarray(scan_k, int))


def _records(rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Empty plot records (:mod:`.records`) for ``rows`` plots: the float (rows, 11) and integer
    (rows, 2) matrices, allocated by numpy (which asks the kernel for huge pages; arrays allocated
    in the kernels would fault in 4 KB pages)."""
    return np.empty((rows, FLOAT_COLUMNS)), np.empty((rows, INT_COLUMNS), np.int64)


def _false_bound(mean: float) -> int:
    """Room for the false plots of a night with ``mean`` of them expected [-]: the mean plus ten
    standard deviations (more only grows the records)."""
    return int(mean + 10.0 * np.sqrt(mean) + 64)


def _detections(S, truth, way, targets, j, k, t, folded, rng, params, F, I, used: int) -> int:
    """The detections among one block of looks as plot records from row ``used`` on, drawing the
    block's uniforms, then its measurement noise; returns the rows used. ``targets``: their rcs
    [m^2], start and end [s] (contiguous arrays: the types the warm-up compiled the kernel for)."""
    xyz = _positions(truth, way, j, t)
    u = rng.random(len(j))
    h = look_hits(S, *targets, folded, j, k, t, xyz, u, params.pfa, params.range_factor, TWO_KR, F, I, used)
    noise = rng.standard_normal(3 * h).reshape(3, h) if params.noise else np.zeros((3, 0))
    finish_records(S, F, I, used, used + h, noise)
    return used + h


def _false_alarms(S, sensors, scan_t, scan_k, folded, rng, params, F, I, used: int):
    """The false plots of every listed scan as plot records from row ``used`` on (exact, no noise);
    returns the records (grown if they had no room) and the rows used."""
    count = false_counts(sensors, scan_k, folded, rng, params)
    rep = np.repeat(np.arange(len(scan_k)), count) if count is not None else np.zeros(0, np.int64)
    if not len(rep):
        return F, I, used
    srow = scan_k[rep].astype(np.int64, copy=False)
    xyz = np.ascontiguousarray(false_points(sensors, srow, rng, params), float)
    if used + len(rep) > len(F):
        more = _records(used + len(rep) - len(F))
        F, I = np.concatenate((F, more[0])), np.concatenate((I, more[1]))
    false_records(S, srow, xyz, np.asarray(scan_t[rep], float), F, I, used)
    finish_records(S, F, I, used, used + len(rep), np.zeros((3, 0)))
    return F, I, used + len(rep)


def _positions(truth, way, j, t):
    """True positions (k, 3) [m] of targets ``j`` at ``t`` [s]: compiled on the truth's waypoints
    ``way``, or (None) the truth's own ``positions``."""
    if way is None:
        return np.ascontiguousarray(truth.positions(j, t), float)
    xyz = np.empty((len(j), 3))
    waypoint_positions(way.t, way.x, way.y, way.z, way.offset, way.width, j, t, xyz)
    return xyz
