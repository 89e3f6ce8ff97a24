"""The compiled fusion tracker over a whole raid: every frame in one numba loop.

:func:`track_frames` gives what :class:`airshield.tracking.frames.FrameTracker` gives after
being fed the same frames (its ``updates()`` and ``events()``): the same decisions (gates,
assignments, confirmations, deletions, initiations) and states equal to round-off (closed-form
3 x 3 algebra instead of LAPACK). ``FrameTracker`` stays the readable reference; tests compare
the two.
"""

from __future__ import annotations

import numpy as np
from numba import njit

from airshield.tracking.compiled.frame import step
from airshield.tracking.compiled.tracks import new_record, new_tracks, param_array
from airshield.tracking.params import TrackerParams


@njit(cache=True)
def _run(frame_time, scan_cut, scan_sensor, plot_cut, z, R, sensor, plot_id, period, prm, tr, rec):
    """Feed every frame f: time ``frame_time[f]`` [s], scanning sensors
    ``scan_sensor[scan_cut[f]:scan_cut[f+1]]``, plots ``plot_cut[f]:plot_cut[f+1]``."""
    width = len(period)
    scanning = np.zeros(width, np.bool_)
    n, next_id, last = 0, 0, np.nan
    for f in range(len(frame_time)):
        scanning[:] = False
        for k in range(scan_cut[f], scan_cut[f + 1]):
            scanning[scan_sensor[k]] = True
        lo, hi = plot_cut[f], plot_cut[f + 1]
        tr, n, next_id = step(tr, n, next_id, last, frame_time[f], z[lo:hi], R[lo:hi], sensor[lo:hi],
                              plot_id[lo:hi], scanning, period, prm, width, rec)
        last = frame_time[f]


def track_frames(frame_time: np.ndarray, scan_cut: np.ndarray, scan_sensor: np.ndarray, plot_cut: np.ndarray,
                 z: np.ndarray, R: np.ndarray, sensor: np.ndarray, plot_id: np.ndarray, period: np.ndarray,
                 params: TrackerParams | None = None) -> tuple[dict, dict]:
    """(updates, events) of the tracker fed frame by frame (arguments as :func:`_run`; ``period``
    (sensors,) reporting period of each sensor [s]). ``updates``: ``time`` [s], ``track``,
    ``plot``, ``sigma`` [m], ``confirmed``; ``events``: ``time`` [s], ``event``, ``track``."""
    params = params or TrackerParams()
    rec = new_record(len(z))
    _run(np.asarray(frame_time, float), np.asarray(scan_cut, np.int64), np.asarray(scan_sensor, np.int64),
         np.asarray(plot_cut, np.int64), np.ascontiguousarray(z, float), np.ascontiguousarray(R, float),
         np.asarray(sensor, np.int64), np.asarray(plot_id, np.int64), np.asarray(period, float),
         param_array(params), new_tracks(), rec)
    k, e = rec.size
    updates = {"time": rec.time[:k], "track": rec.track[:k], "plot": rec.plot[:k], "sigma": rec.sigma[:k],
               "confirmed": rec.confirmed[:k]}
    return updates, {"time": rec.ev_time[:e], "event": rec.ev_kind[:e], "track": rec.ev_track[:e]}
