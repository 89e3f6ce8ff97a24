"""Track columns and the update/event record of the compiled tracker (numba-friendly tuples of
arrays; capacity doubles when full), and the tracker's parameters as one float array."""

from __future__ import annotations

from collections import namedtuple

import numpy as np
from numba import njit

from airshield.tracking.compiled.arrays import lengthened

Tracks = namedtuple("Tracks", "id x P confirmed hits looks misses manoeuvre last_update home")
"""Live tracks in rows [0, count): id, state (6,) [m, m/s], covariance (6, 6), confirmed, M-of-N
hits and looks, misses in a row, manoeuvre updates left, last update [s], home sensor row."""

Record = namedtuple("Record", "time track plot sigma confirmed ev_time ev_kind ev_track size")
"""Per plot used: time [s], track id, plot label, position sigma [m] and confirmed after the frame;
track events (time [s], kind, track id); ``size`` = [updates, events]."""

Q, Q_MANOEUVRE, MANOEUVRE, MANOEUVRE_NIS, MANOEUVRE_HOLD, GATE, CONFIRM_M, CONFIRM_N, DELETE_MISSES, \
    MAX_COAST, INIT_SPEED_SIGMA = range(11)
"""Indices into the parameter array (see :class:`airshield.tracking.params.TrackerParams`)."""


def param_array(params) -> np.ndarray:
    """The tracker's parameters as the float array the kernel reads."""
    return np.array([params.q, params.q_manoeuvre, float(params.manoeuvre), params.manoeuvre_nis,
                     params.manoeuvre_hold, params.gate, params.confirm_m, params.confirm_n,
                     params.delete_misses, params.max_coast, params.init_speed_sigma])


def new_tracks(capacity: int = 64) -> Tracks:
    """Empty track columns with room for ``capacity`` tracks."""
    i = np.zeros(capacity, np.int64)
    return Tracks(i.copy(), np.zeros((capacity, 6)), np.zeros((capacity, 6, 6)), np.zeros(capacity, np.bool_),
                  i.copy(), i.copy(), i.copy(), i.copy(), np.zeros(capacity), i.copy())


def new_record(plots: int) -> Record:
    """An empty record with room for every plot used once and three events per plot."""
    i, f = np.zeros(plots, np.int64), np.zeros(plots)
    e = 3 * plots
    return Record(f.copy(), i.copy(), i.copy(), f.copy(), np.zeros(plots, np.bool_), np.zeros(e),
                  np.zeros(e, np.int64), np.zeros(e, np.int64), np.zeros(2, np.int64))


@njit(cache=True)
def copy_row(x, P, x_out, P_out):
    """x_out, P_out = x (6,), P (6, 6)."""
    for u in range(6):
        x_out[u] = x[u]
        for v in range(6):
            P_out[u, v] = P[u, v]


@njit(cache=True)
def copy_rows(x, P, i, x_out, P_out, k):
    """x_out[k], P_out[k] = x[i] (6,), P[i] (6, 6), indexed (no array views)."""
    for u in range(6):
        x_out[k, u] = x[i, u]
        for v in range(6):
            P_out[k, u, v] = P[i, u, v]


@njit(cache=True)
def grown(tr, need):
    """``tr`` with room for ``need`` rows (doubled), or ``tr`` itself when it has it."""
    cap = len(tr.id)
    if need <= cap:
        return tr
    new = max(need, 2 * cap)
    x, P = np.zeros((new, 6)), np.zeros((new, 6, 6))
    for i in range(cap):
        copy_row(tr.x[i], tr.P[i], x[i], P[i])
    idn, confirmed, hits, looks = (lengthened(tr.id, new), lengthened(tr.confirmed, new),
                                   lengthened(tr.hits, new), lengthened(tr.looks, new))
    misses, manoeuvre, last, home = (lengthened(tr.misses, new), lengthened(tr.manoeuvre, new),
                                     lengthened(tr.last_update, new), lengthened(tr.home, new))
    return Tracks(idn, x, P, confirmed, hits, looks, misses, manoeuvre, last, home)


@njit(cache=True)
def log_event(rec, time, kind, track):
    """Append one track event."""
    k = rec.size[1]
    rec.ev_time[k], rec.ev_kind[k], rec.ev_track[k] = time, kind, track
    rec.size[1] = k + 1
