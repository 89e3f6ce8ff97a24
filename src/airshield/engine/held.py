"""What the sensor mode's plots and firm track updates say about each threat, for its ``Sight``:
held intervals and first plots.

Held intervals, as unions of intervals per key: a key is a threat (the shared picture) or a
(threat, sensor) pair (a unit's own radar). The updates of one (key, track) join into one
interval while consecutive updates come at most ``hold`` [s] apart; the intervals of all tracks on
a key then join where they overlap. Two equal implementations: :func:`held_intervals` in numpy
(the reference, sorting the updates) and :func:`held_intervals_compiled` (numba, one pass over
updates bucketed by key, for updates that arrive in time order as the tracker writes them). Both
return (key, start, end) sorted by key, then start; tests compare them. First plots likewise:
:func:`first_plots_reference` (numpy) and :func:`first_plots` (one compiled pass).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from numba import njit


def held_intervals(key: np.ndarray, track: np.ndarray, time: np.ndarray, hold: float):
    """Union per key of the intervals of each (key, track): consecutive times [s] at most
    ``hold`` [s] apart join. Returns (key, start, end) sorted by key then start (numpy)."""
    if len(key) == 0:
        return np.zeros(0, np.int64), np.zeros(0), np.zeros(0)
    order = np.lexsort((time, track, key))
    k, tr, t = key[order], track[order], time[order]
    new = np.r_[True, (k[1:] != k[:-1]) | (tr[1:] != tr[:-1]) | (t[1:] - t[:-1] > hold)]
    first = np.flatnonzero(new)
    last = np.r_[first[1:], len(t)] - 1
    k, s, e = k[first], t[first], t[last]
    # union over tracks of the same key: sort by start, join while a start is within the reach so far
    order = np.lexsort((s, k))
    k, s, e = k[order], s[order], e[order]
    reach = pd.Series(e).groupby(k).cummax().to_numpy()
    new = np.r_[True, (k[1:] != k[:-1]) | (s[1:] > reach[:-1])]
    first = np.flatnonzero(new)
    last = np.r_[first[1:], len(k)] - 1
    return k[first].astype(np.int64), s[first], reach[last]


def held_intervals_compiled(key: np.ndarray, track: np.ndarray, time: np.ndarray, hold: float):
    """:func:`held_intervals` compiled (equal output). Updates out of time order are first put in
    time order (stable), which the numpy reference's sort makes irrelevant."""
    key, track, time = (np.ascontiguousarray(a, dtype) for a, dtype in
                        ((key, np.int64), (track, np.int64), (time, np.float64)))
    if len(key) == 0:
        return np.zeros(0, np.int64), np.zeros(0), np.zeros(0)
    if np.any(time[1:] < time[:-1]):
        order = np.argsort(time, kind="stable")
        key, track, time = key[order], track[order], time[order]
    out_k, out_s, out_e = np.empty(len(key), np.int64), np.empty(len(key)), np.empty(len(key))
    used = _held_loop(key, track, time, float(hold), int(key.max()) + 1, int(track.max()) + 1, out_k, out_s, out_e)
    return out_k[:used], out_s[:used], out_e[:used]


@njit(cache=True)
def _by_key(key, track, time, keys):
    """``track`` and ``time`` in order of key, stable (a counting sort, written where they go: the
    reads stream), and each key's first row (keys + 1,). Not
    :func:`~airshield.tracking.compiled.arrays.counting_order` and a gather: on a national night's
    1.7 million updates the gather's random reads took 3.8 and 5.0 times as long (load 3.6-4)."""
    first = np.zeros(keys + 1, np.int64)
    for i in range(len(key)):
        first[key[i] + 1] += 1
    for b in range(keys):
        first[b + 1] += first[b]
    at, tr, t = first[:-1].copy(), np.empty(len(key), np.int64), np.empty(len(key))
    for i in range(len(key)):
        q = at[key[i]]
        tr[q], t[q] = track[i], time[i]
        at[key[i]] = q + 1
    return tr, t, first


@njit(cache=True)
def _held_loop(key, track, time, hold, keys, tracks, out_k, out_s, out_e):
    """Held intervals of updates in time order into ``out_*``; returns their number."""
    track, time, first = _by_key(key, track, time, keys)
    open_start, open_last = np.empty(tracks), np.empty(tracks)
    active = np.zeros(tracks, np.bool_)
    touched, run_s, run_e = np.empty(len(key), np.int64), np.empty(len(key)), np.empty(len(key))
    used = 0
    for b in range(keys):
        nt, nr = 0, 0
        for q in range(first[b], first[b + 1]):
            tr, t = track[q], time[q]
            if not active[tr]:
                active[tr], open_start[tr], open_last[tr] = True, t, t
                touched[nt] = tr
                nt += 1
            elif t - open_last[tr] > hold:
                run_s[nr], run_e[nr] = open_start[tr], open_last[tr]
                nr += 1
                open_start[tr], open_last[tr] = t, t
            else:
                open_last[tr] = t
        for q in range(nt):
            tr = touched[q]
            run_s[nr], run_e[nr] = open_start[tr], open_last[tr]
            nr += 1
            active[tr] = False
        used = _union(b, run_s[:nr], run_e[:nr], out_k, out_s, out_e, used)
    return used


@njit(cache=True)
def _union(b, s, e, out_k, out_s, out_e, used):
    """Intervals ``s`` .. ``e`` [s] of key ``b`` joined where they overlap, appended in order of
    start from ``used``; returns the new count."""
    if len(s) == 0:
        return used
    order = np.argsort(s, kind="mergesort")
    start, reach = s[order[0]], e[order[0]]
    for q in range(1, len(order)):
        i = order[q]
        if s[i] > reach:
            out_k[used], out_s[used], out_e[used] = b, start, reach
            used += 1
            start, reach = s[i], e[i]
        elif e[i] > reach:
            reach = e[i]
    out_k[used], out_s[used], out_e[used] = b, start, reach
    return used + 1


def first_plots_reference(truth: np.ndarray, time: np.ndarray, sensor: np.ndarray, n: int):
    """First plot time [s] and its sensor per threat (NaN / -1 if none), of plots in time order
    (``truth`` the threat row of each plot, -1 for a false alarm; numpy)."""
    first, which = np.full(n, np.nan), np.full(n, -1, np.int64)
    real = np.flatnonzero(truth >= 0)
    if len(real):
        j, row = np.unique(truth[real], return_index=True)
        first[j], which[j] = time[real[row]], sensor[real[row]]
    return first, which


def first_plots(truth: np.ndarray, time: np.ndarray, sensor: np.ndarray, n: int):
    """First plot time [s] and its sensor per threat (NaN / -1 if none), of plots in time order
    (``truth`` the threat row of each plot, -1 for a false alarm)."""
    first, which = np.full(n, np.nan), np.full(n, -1, np.int64)
    _first_loop(np.ascontiguousarray(truth, np.int64), np.ascontiguousarray(time, np.float64),
                np.ascontiguousarray(sensor, np.int64), first, which)
    return first, which


@njit(cache=True)
def _first_loop(truth, time, sensor, first, which):
    """Fill ``first`` / ``which`` with each threat's first plot's time and sensor."""
    for i in range(len(truth)):
        j = truth[i]
        if j >= 0 and which[j] < 0:
            first[j], which[j] = time[i], sensor[i]


def warm_held() -> None:
    """Compile (or load) the kernels on a few updates."""
    key, track, time = np.array([0, 1, 0]), np.array([0, 0, 1]), np.array([0.0, 1.0, 2.0])
    held_intervals_compiled(key, track, time, 30.0)
    first_plots(key, time, track, 2)
