"""First time window [t_in, t_out] in which each threat is inside a region around each point.

Computed analytically per straight segment (see :mod:`airshield.kinematics.intervals`) and
merged across segments whose windows touch. Results are (n, m) arrays [s], NaN where the
threat is never inside. Zero-duration (padding) segments never create windows; a threat
starting inside a region gets t_in = its start time. Points are processed in chunks so that
about 2e6 threat-point-segment triples are handled at a time.

With ``fast=True`` (the default) the same windows come from the compiled pair-by-pair version
(:mod:`.compiled_windows`), which skips segments far from a region; ``fast=False`` runs the numpy
reference below. Both give the same numbers (tested).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from airshield.kinematics import intervals
from airshield.kinematics.trajectory import Trajectories
from airshield.physics.horizon import radar_horizon

try:
    from airshield.kinematics import compiled_windows
except ImportError:  # pragma: no cover - numba is a dependency; without it the numpy windows run
    compiled_windows = None

CHUNK = 2_000_000           # threat-point-segment triples per chunk

Interval = tuple[np.ndarray, np.ndarray]
SegmentFn = Callable[[slice, list[np.ndarray], list[np.ndarray], np.ndarray], Interval]


def sphere_windows(traj: Trajectories, centres: np.ndarray, radius: np.ndarray,
                   alt_min: np.ndarray, alt_max: np.ndarray, *, fast: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Windows inside 3D distance <= radius of ``centres`` (m,3) [m] with alt_min <= z <= alt_max.

    radius (m,) or (n,m) [m]; alt_min, alt_max (m,) [m].
    """
    c, r, lo_z, hi_z = _points(traj, centres, radius, alt_min, alt_max)
    if fast and compiled_windows is not None:
        return _compiled(compiled_windows.SPHERE, traj, c, r, np.zeros(len(c)), lo_z, hi_z)

    def segment(sl: slice, offset: list[np.ndarray], step: list[np.ndarray], z0: np.ndarray) -> Interval:
        terms = intervals.ball_terms(offset, step)
        inside = intervals.ball(terms, r[:, sl])
        return intervals.intersect(inside, intervals.band(z0, step[2], lo_z[sl], hi_z[sl]))

    return _scan(traj, c, segment)


def envelope_windows(traj: Trajectories, centres: np.ndarray, range_min: np.ndarray,
                     range_max: np.ndarray, alt_min: np.ndarray, alt_max: np.ndarray, *,
                     fast: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Windows inside a weapon envelope: range_min < 3D distance <= range_max, alt band [m].

    Like :func:`sphere_windows` with radius ``range_max``, but the window ends where the
    threat first comes within ``range_min`` (the inner dead zone, any altitude). A second
    window after the threat leaves the inner zone is NOT returned; a threat starting inside
    the inner zone gets its window from when it leaves it. All arrays (m,) [m].
    """
    c, r_max, lo_z, hi_z = _points(traj, centres, range_max, alt_min, alt_max)
    if fast and compiled_windows is not None:
        inner = np.broadcast_to(np.asarray(range_min, dtype=float), (len(c),))
        return _compiled(compiled_windows.ENVELOPE, traj, c, r_max, inner, lo_z, hi_z)
    r_min = np.broadcast_to(np.asarray(range_min, dtype=float), r_max.shape)

    def segment(sl: slice, offset: list[np.ndarray], step: list[np.ndarray], z0: np.ndarray) -> Interval:
        terms = intervals.ball_terms(offset, step)
        outer = intervals.intersect(intervals.ball(terms, r_max[:, sl]),
                                    intervals.band(z0, step[2], lo_z[sl], hi_z[sl]))
        return intervals.cut_before(outer, intervals.ball(terms, r_min[:, sl]))

    return _scan(traj, c, segment)


def detection_windows(traj: Trajectories, sensor_xyz: np.ndarray, max_range: np.ndarray,
                      min_alt: np.ndarray, max_alt: np.ndarray, *, fast: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Windows in which sensors (m,3) [m] (z = antenna height) can see each threat.

    Inside when 3D distance <= min(max_range (n,m) [m], radar horizon) and
    min_alt <= z <= max_alt (m,) [m]. The horizon is evaluated per segment at the segment's
    LOWER end altitude, which is conservative (never detects earlier than the true horizon).
    """
    c, r_max, lo_z, hi_z = _points(traj, sensor_xyz, max_range, min_alt, max_alt)
    if fast and compiled_windows is not None:
        return _compiled(compiled_windows.DETECTION, traj, c, r_max, np.zeros(len(c)), lo_z, hi_z)
    antenna = c[:, 2]

    def segment(sl: slice, offset: list[np.ndarray], step: list[np.ndarray], z0: np.ndarray) -> Interval:
        terms = intervals.ball_terms(offset, step)
        low = np.minimum(z0, z0 + step[2])
        radius = np.minimum(r_max[:, sl], radar_horizon(antenna[sl], low))
        return intervals.intersect(intervals.ball(terms, radius),
                                   intervals.band(z0, step[2], lo_z[sl], hi_z[sl]))

    return _scan(traj, c, segment)


def circle_windows(traj: Trajectories, centres_xy: np.ndarray, radius: np.ndarray, *,
                   fast: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Windows inside horizontal distance <= radius (m,) [m] of ``centres_xy`` (m,2) [m] (e.g. EW zones)."""
    centres = np.asarray(centres_xy, dtype=float).reshape(-1, 2)
    r = np.broadcast_to(np.asarray(radius, dtype=float), (traj.n, centres.shape[0]))
    if fast and compiled_windows is not None:
        zeros = np.zeros(len(centres))
        flat = np.column_stack([centres, zeros])
        return _compiled(compiled_windows.CIRCLE, traj, flat, r, zeros, zeros, zeros)

    def segment(sl: slice, offset: list[np.ndarray], step: list[np.ndarray], z0: np.ndarray) -> Interval:
        return intervals.ball(intervals.ball_terms(offset[:2], step[:2]), r[:, sl])

    return _scan(traj, np.column_stack([centres, np.zeros(len(centres))]), segment)


def _compiled(kind: int, traj: Trajectories, centres: np.ndarray, r_max: np.ndarray, r_min: np.ndarray,
              z_min: np.ndarray, z_max: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The compiled windows of ``kind`` (arrays made contiguous float64)."""
    def arr(a):
        return np.ascontiguousarray(a, dtype=float)

    return compiled_windows.first_windows(kind, traj.t, traj.x, traj.y, traj.z, arr(centres[:, 0]),
                                          arr(centres[:, 1]), arr(centres[:, 2]), arr(r_max), arr(r_min),
                                          arr(z_min), arr(z_max))


def _points(traj: Trajectories, centres: np.ndarray, radius: np.ndarray, z_min: np.ndarray,
            z_max: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Centres (m,3), radius broadcast to (n,m), altitude bounds (m,) as float arrays."""
    c = np.asarray(centres, dtype=float).reshape(-1, 3)
    m = c.shape[0]
    r = np.broadcast_to(np.asarray(radius, dtype=float), (traj.n, m))
    lo = np.broadcast_to(np.asarray(z_min, dtype=float), (m,))
    hi = np.broadcast_to(np.asarray(z_max, dtype=float), (m,))
    return c, r, lo, hi


def _scan(traj: Trajectories, centres: np.ndarray, segment: SegmentFn) -> tuple[np.ndarray, np.ndarray]:
    """Run ``segment`` over all segments and point chunks, merging into first windows (n,m)."""
    n, m = traj.n, centres.shape[0]
    t_in = np.full((n, m), np.nan)
    t_out = np.full((n, m), np.nan)
    per_chunk = max(1, CHUNK // max(1, n * traj.segments))
    for first in range(0, m, per_chunk):
        sl = slice(first, min(m, first + per_chunk))
        t_in[:, sl], t_out[:, sl] = _scan_chunk(traj, centres[sl], sl, segment)
    return t_in, t_out


def _scan_chunk(traj: Trajectories, centres: np.ndarray, sl: slice, segment: SegmentFn) -> tuple[np.ndarray, np.ndarray]:
    """First windows of all threats against one chunk of points."""
    merge = intervals.FirstWindow((traj.n, centres.shape[0]))
    cols = (traj.x, traj.y, traj.z)
    for k in range(traj.segments):
        if not np.any(traj.t[:, k + 1] > traj.t[:, k]):
            continue  # padding for every threat
        p0 = [a[:, k:k + 1] for a in cols]
        step = [a[:, k + 1:k + 2] - a[:, k:k + 1] for a in cols]
        offset = [p - centres[None, :, i] for i, p in enumerate(p0)]
        merge.add(traj.t[:, k:k + 1], traj.t[:, k + 1:k + 2], segment(sl, offset, step, p0[2]))
    return merge.t_in, merge.t_out
