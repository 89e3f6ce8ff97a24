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
from airshield.sensing.compiled.assemble import measure_into, scan_order
from airshield.sensing.compiled.columns import flat_waypoints, sensor_matrix
from airshield.sensing.compiled.looks import look_hits, polar_points
from airshield.sensing.compiled.positions import waypoint_positions
from airshield.sensing.plots import PlotTable
from airshield.sensing.windowed import (CHUNK, false_counts, false_points, frame_index, frame_scans, look_list,
                                        scan_keys, scan_list)

TWO_KR = 2.0 * K_FACTOR * EARTH_RADIUS_M
"""2 k R of the 4/3-Earth horizon [m] (as :func:`airshield.physics.radar_horizon`)."""


def compiled_window_plots(sensors, truth, t_in, t_out, frame: float, rng: np.random.Generator, params) -> PlotTable:
    """:func:`~airshield.sensing.windowed.window_plots` through the kernels (same arguments, same table)."""
    period, phase, folded = frame_scans(sensors, frame, rng)
    scan_t, scan_k = scan_list(t_in, t_out, period, phase, frame)
    j, k, look_t = look_list(t_in, t_out, period, phase, frame)
    S, way = sensor_matrix(sensors, params.pfa), flat_waypoints(truth)
    parts = [_detections(S, truth, way, j[lo:lo + CHUNK], k[lo:lo + CHUNK], look_t[lo:lo + CHUNK], folded, rng,
                         params) for lo in range(0, len(j), CHUNK)]
    parts.append(_false_alarms(S, sensors, scan_t, scan_k, folded, rng, params))
    truth_row, sensor, time, xyz, polar, noise = (np.concatenate([p[c] for p in parts], axis=c // 4)
                                                  for c in range(6))
    m = sensors.n
    scan, order = np.empty(len(time), np.int64), np.empty(len(time), np.int64)
    order = order[:scan_order(scan_keys(scan_t, scan_k, frame, m), frame_index(time, frame), sensor, m, scan, order)]
    out, cov, ints = np.empty((7, len(order))), np.empty((len(order), 3, 3)), np.empty((3, len(order)), np.int64)
    measure_into(S, sensor, truth_row, time, xyz, polar, noise, scan, order, out, cov, ints)
    return PlotTable(out[0], ints[0], *out[1:], cov, ints[1], ints[2], np.asarray(scan_t, float),
                     np.asarray(scan_k, int))


def _detections(S, truth, way, j, k, t, folded, rng, params):
    """(target, sensor, time [s], true position (h, 3) [m], polar (3, h), noise (3, h)) of the
    detections among one block of looks, drawing the block's uniforms, then its measurement noise.
    Arrays are allocated here, by numpy (which asks for huge pages), not in the kernels."""
    xyz = _positions(truth, way, j, t)
    u = rng.random(len(j))
    rows, polar = np.empty(len(j), np.int64), np.empty((3, len(j)))
    h = look_hits(S, np.asarray(truth.rcs, float), np.asarray(truth.start, float), np.asarray(truth.end, float),
                  folded, j, k, t, xyz, u, params.pfa, params.range_factor, TWO_KR, rows, polar)
    hit = rows[:h]
    noise = rng.standard_normal(3 * h).reshape(3, h) if params.noise else np.zeros((3, 0))
    return j[hit], k[hit], t[hit], xyz[hit], polar[:, :h], noise


def _false_alarms(S, sensors, scan_t, scan_k, folded, rng, params):
    """The false plots of every listed scan as :func:`_detections` gives detections (no noise)."""
    count = false_counts(sensors, scan_k, folded, rng, params)
    rep = np.repeat(np.arange(len(scan_k)), count) if count is not None else np.zeros(0, np.int64)
    srow = scan_k[rep].astype(np.int64, copy=False)
    xyz = np.ascontiguousarray(false_points(sensors, srow, rng, params), float) if len(rep) else np.zeros((0, 3))
    polar = np.empty((3, len(rep)))
    polar_points(S, srow, xyz, polar)
    return np.full(len(rep), -1, np.int64), srow, scan_t[rep], xyz, polar, np.zeros((3, 0))


def _positions(truth, way, j, t):
    """True positions (k, 3) [m] of targets ``j`` at ``t`` [s]: compiled on the truth's waypoints
    ``way``, or (None) the truth's own ``positions``."""
    if way is None:
        return np.ascontiguousarray(truth.positions(j, t), float)
    xyz = np.empty((len(j), 3))
    waypoint_positions(way.t, way.x, way.y, way.z, way.offset, way.width, j, t, xyz)
    return xyz
