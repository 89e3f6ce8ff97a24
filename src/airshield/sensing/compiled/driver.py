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
from airshield.sensing.compiled.assemble import assemble
from airshield.sensing.compiled.columns import flat_waypoints, sensor_matrix
from airshield.sensing.compiled.looks import look_hits
from airshield.sensing.compiled.positions import waypoint_positions
from airshield.sensing.plots import PLOT_COLUMNS, PlotTable
from airshield.sensing.windowed import (CHUNK, false_counts, false_points, frame_scans, look_list, plot_keys,
                                        scan_keys, scan_list)

TWO_KR = 2.0 * K_FACTOR * EARTH_RADIUS_M
"""2 k R of the 4/3-Earth horizon [m] (as :func:`airshield.physics.radar_horizon`)."""


def compiled_window_plots(sensors, truth, t_in, t_out, frame: float, rng: np.random.Generator, params) -> PlotTable:
    """:func:`~airshield.sensing.windowed.window_plots` through the kernels (same arguments, same table)."""
    period, phase, folded = frame_scans(sensors, frame, rng)
    scan_t, scan_k = scan_list(t_in, t_out, period, phase, frame)
    j, k, look_t = look_list(t_in, t_out, period, phase, frame)
    S, way = sensor_matrix(sensors, params.pfa), flat_waypoints(truth)
    hits = [_detections(S, truth, way, j[lo:lo + CHUNK], k[lo:lo + CHUNK], look_t[lo:lo + CHUNK], folded, rng,
                        params) for lo in range(0, len(j), CHUNK)]
    count = false_counts(sensors, scan_k, folded, rng, params)
    rep = np.repeat(np.arange(len(scan_k)), count) if count is not None else np.zeros(0, np.int64)
    false_xyz = false_points(sensors, scan_k[rep], rng, params) if len(rep) else np.zeros((0, 3))
    parts = [*hits, (np.full(len(rep), -1, np.int64), scan_k[rep], scan_t[rep], false_xyz, np.zeros((3, 0)))]
    truth_row, sensor, time, xyz = (np.concatenate([p[c] for p in parts]) for c in range(4))
    noise = np.concatenate([p[4] for p in parts], axis=1)
    cols = assemble(S, sensor.astype(np.int64), truth_row.astype(np.int64), time.astype(float),
                    np.ascontiguousarray(xyz, float), noise, scan_keys(scan_t, scan_k, frame, sensors.n),
                    plot_keys(time, sensor, frame, sensors.n))
    table = dict(zip((*PLOT_COLUMNS[:8], "cov", "truth", "scan"), cols))
    return PlotTable(**table, scan_time=np.asarray(scan_t, float), scan_sensor=np.asarray(scan_k, int))


def _detections(S, truth, way, j, k, t, folded, rng, params):
    """(target, sensor, time [s], true position (h, 3) [m], noise (3, h)) of the detections among
    one block of looks, drawing the block's uniforms and then its measurement noise."""
    xyz = _positions(truth, way, j, t)
    u = rng.random(len(j))
    hit = look_hits(S, np.asarray(truth.rcs, float), np.asarray(truth.start, float), np.asarray(truth.end, float),
                    folded, j, k, t, xyz, u, params.pfa, params.range_factor, TWO_KR)
    noise = rng.standard_normal(3 * len(hit)).reshape(3, len(hit)) if params.noise else np.zeros((3, 0))
    return j[hit], k[hit], t[hit], xyz[hit], noise


def _positions(truth, way, j, t):
    """True positions (k, 3) [m] of targets ``j`` at ``t`` [s]: compiled on the truth's waypoints
    ``way``, or (None) the truth's own ``positions``."""
    if way is None:
        return np.ascontiguousarray(truth.positions(j, t), float)
    return waypoint_positions(way.t, way.x, way.y, way.z, way.offset, way.width, j, t)
