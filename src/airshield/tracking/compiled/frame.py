"""One frame of the fusion tracker, compiled: :meth:`airshield.tracking.frames.FrameTracker.frame`
step for step (predict, associate per view, manoeuvre retry, fuse, NIS modes, update, home sensor,
M-of-N scoring, initiation from clusters, update record). Plain loops throughout: numba compiles
them quickly, where fancy indexing would cost a generic implementation each."""

from __future__ import annotations

import numpy as np
from numba import njit

from airshield.tracking.compiled.arrays import argsort, concat1, sub_order, take1, take_mats, take_rows, where
from airshield.tracking.compiled.associate import assign_views, gate_pairs
from airshield.tracking.compiled.filter import (nis, noise_terms, predict_into, predict_terms_into, update,
                                                update_buffers)
from airshield.tracking.compiled.initiate import clusters
from airshield.tracking.compiled.small import inv3, position_sigma_row
from airshield.tracking.compiled.tracks import (CONFIRM_M, CONFIRM_N, DELETE_MISSES, GATE, INIT_SPEED_SIGMA,
                                                MANOEUVRE, MANOEUVRE_HOLD, MANOEUVRE_NIS, MAX_COAST, Q,
                                                Q_MANOEUVRE, copy_row, copy_rows, grown, log_event)

INITIATE, CONFIRM, DELETE = 0, 1, 2
"""Track event kinds (as :mod:`airshield.tracking.gnn`)."""


@njit(cache=True)
def _predicted(tr, rows, dt, prm, manoeuvre_q):
    """Predicted states and covariances of track ``rows``: each with its own noise level, or all
    with the manoeuvre level when ``manoeuvre_q``."""
    X, P = np.empty((len(rows), 6)), np.empty((len(rows), 6, 6))
    qa, qb, qc = noise_terms(dt, prm[Q])
    ma, mb, mc = noise_terms(dt, prm[Q_MANOEUVRE])
    x, Pt, manoeuvre = tr.x, tr.P, tr.manoeuvre  # locals: no reference counting per access
    for k in range(len(rows)):
        i = rows[k]
        if manoeuvre_q or (prm[MANOEUVRE] > 0 and manoeuvre[i] > 0):
            predict_terms_into(x, Pt, i, dt, ma, mb, mc, X, P, k)
        else:
            predict_terms_into(x, Pt, i, dt, qa, qb, qc, X, P, k)
    return X, P


@njit(cache=True)
def _retry(tr, n, dt, X, P, z, R, sensor, scanning, take_t, take_p, prm, width, order):
    """Quiet confirmed tracks without a plot retry with the manoeuvre prediction on the free plots;
    returns the take extended (track rows, plot rows)."""
    quiet, free = np.ones(n, np.bool_), np.ones(len(z), np.bool_)
    for k in range(len(take_t)):
        quiet[take_t[k]] = False
        free[take_p[k]] = False
    for i in range(n):
        quiet[i] = quiet[i] and tr.manoeuvre[i] == 0 and tr.confirmed[i] and scanning[tr.home[i]]
    rows, plots = where(quiet), where(free)
    if len(rows) == 0 or len(plots) == 0:
        return take_t, take_p
    Xm, Pm = _predicted(tr, rows, dt, prm, True)
    t, p, d2, ld = gate_pairs(Xm, Pm, take_rows(z, plots), take_mats(R, plots), prm[GATE],
                              sub_order(order, plots, len(z)))
    if len(t) == 0:
        return take_t, take_p
    tt, pp = assign_views(t, p, d2, ld, take1(sensor, plots), len(plots), prm[GATE], width)
    for k in range(len(tt)):
        i = rows[tt[k]]
        copy_row(Xm[tt[k]], Pm[tt[k]], X[i], P[i])
        tr.manoeuvre[i] = int(prm[MANOEUVRE_HOLD])
    return concat1(take_t, take1(rows, tt)), concat1(take_p, take1(plots, pp))


@njit(cache=True)
def fuse(group, rows, z, R, n):
    """Information-form fusion of plots ``rows`` into ``n`` groups (as ``frames._fuse``): (n, 3)
    positions [m], (n, 3, 3) covariances; single plots pass through when no group has two."""
    zf, Rf = np.zeros((n, 3)), np.zeros((n, 3, 3))
    count = np.zeros(n, np.int64)
    most = 0
    for k in range(len(group)):
        count[group[k]] += 1
        most = max(most, count[group[k]])
    if most <= 1:
        for k in range(len(group)):
            g, j = group[k], rows[k]
            for u in range(3):
                zf[g, u] = z[j, u]
                for v in range(3):
                    Rf[g, u, v] = R[j, u, v]
        return zf, Rf
    info_sum, vec_sum = np.zeros((n, 3, 3)), np.zeros((n, 3))
    info = np.empty((3, 3))
    for k in range(len(group)):
        g, j = group[k], rows[k]
        inv3(R[j], info)
        for u in range(3):
            vec_sum[g, u] += info[u, 0] * z[j, 0] + info[u, 1] * z[j, 1] + info[u, 2] * z[j, 2]
            for v in range(3):
                info_sum[g, u, v] += info[u, v]
    cov = np.empty((3, 3))
    for g in range(n):
        if count[g] == 0:
            continue
        inv3(info_sum[g], cov)
        for u in range(3):
            zf[g, u] = cov[u, 0] * vec_sum[g, 0] + cov[u, 1] * vec_sum[g, 1] + cov[u, 2] * vec_sum[g, 2]
            for v in range(3):
                Rf[g, u, v] = 0.5 * (cov[u, v] + cov[v, u])
    return zf, Rf


@njit(cache=True)
def slowest_into(group, sensor, period, out):
    """Per group g, ``out[g]`` = the sensor with the longest reporting period among its plots
    (ties: the lowest row); groups without plots keep their entry."""
    seen = np.zeros(len(out), np.bool_)
    for k in range(len(group)):
        g, s = group[k], sensor[k]
        if not seen[g] or period[s] > period[out[g]] or (period[s] == period[out[g]] and s < out[g]):
            out[g] = s
            seen[g] = True


@njit(cache=True)
def _modes_and_update(tr, hit, dt, X, P, zf, Rf, prm):
    """NIS manoeuvre switch on the fused plot, then the Kalman update of every track hit."""
    S_inv, W = update_buffers()
    manoeuvre = tr.manoeuvre
    for i in range(len(hit)):
        if not hit[i]:
            continue
        if prm[MANOEUVRE] > 0:
            jump = nis(X, P, zf, Rf, i, S_inv) > prm[MANOEUVRE_NIS] and manoeuvre[i] == 0
            if jump:
                if dt > 0:
                    predict_into(tr.x, tr.P, i, dt, prm[Q_MANOEUVRE], X, P, i)
                manoeuvre[i] = int(prm[MANOEUVRE_HOLD])
            else:
                manoeuvre[i] = max(manoeuvre[i] - 1, 0)
        update(X, P, zf, Rf, i, S_inv, W)


@njit(cache=True)
def _score(tr, n, time, hit, looked, prm, rec):
    """M-of-N confirmation and deletion (``tracks.score_look`` with stale tentative tracks dropped);
    logs confirm then delete events; returns the rows to keep."""
    confirm, keep = np.zeros(n, np.bool_), np.ones(n, np.bool_)
    last_update, hits, misses, looks, confirmed, ids = (tr.last_update, tr.hits, tr.misses, tr.looks,
                                                        tr.confirmed, tr.id)
    for i in range(n):
        if hit[i]:
            last_update[i] = time
            hits[i] += 1
            misses[i] = 0
        elif looked[i]:
            misses[i] += 1
        tentative = not confirmed[i]
        if tentative and (looked[i] or hit[i]):
            looks[i] += 1
        confirm[i] = tentative and hits[i] >= prm[CONFIRM_M]
        stale = time - last_update[i] > prm[MAX_COAST]
        if tentative:
            keep[i] = confirm[i] or not (looks[i] >= prm[CONFIRM_N] or stale)
        else:
            keep[i] = not (misses[i] >= prm[DELETE_MISSES] or stale)
        if confirm[i]:
            confirmed[i] = True
    for i in range(n):
        if confirm[i]:
            log_event(rec, time, CONFIRM, ids[i])
    for i in range(n):
        if not keep[i]:
            log_event(rec, time, DELETE, ids[i])
    return keep


@njit(cache=True)
def _compact(tr, n, keep):
    """Drop the rows not kept, in order; (new count, new row of each old row or -1)."""
    row = np.full(n, -1)
    x, P, ids, confirmed, hits, looks = tr.x, tr.P, tr.id, tr.confirmed, tr.hits, tr.looks
    misses, manoeuvre, last_update, home = tr.misses, tr.manoeuvre, tr.last_update, tr.home
    k = 0
    for i in range(n):
        if keep[i]:
            row[i] = k
            if k != i:
                copy_rows(x, P, i, x, P, k)
                ids[k], confirmed[k] = ids[i], confirmed[i]
                hits[k], looks[k], misses[k] = hits[i], looks[i], misses[i]
                manoeuvre[k], last_update[k], home[k] = manoeuvre[i], last_update[i], home[i]
            k += 1
    return k, row


@njit(cache=True)
def _start(tr, n, next_id, time, z, R, sensor, period, prm, width, rec, order):
    """New tentative tracks from the plots given, one per cross-sensor cluster; (tracks, count,
    next id, label of each plot)."""
    label, k = clusters(z, R, sensor, prm[GATE], width, order)
    zf, Rf = fuse(label, np.arange(len(z)), z, R, k)
    tr = grown(tr, n + k)
    home = np.zeros(k, np.int64)
    slowest_into(label, sensor, period, home)
    speed2 = prm[INIT_SPEED_SIGMA] ** 2
    for g in range(k):
        i = n + g
        tr.id[i] = next_id + g
        for u in range(6):
            tr.x[i, u] = zf[g, u] if u < 3 else 0.0
            for v in range(6):
                tr.P[i, u, v] = Rf[g, u, v] if u < 3 and v < 3 else (speed2 if u == v else 0.0)
        tr.confirmed[i] = prm[CONFIRM_M] <= 1
        tr.hits[i], tr.looks[i], tr.misses[i], tr.manoeuvre[i] = 1, 1, 0, 0
        tr.last_update[i], tr.home[i] = time, home[g]
    for g in range(k):
        log_event(rec, time, INITIATE, next_id + g)
    if prm[CONFIRM_M] <= 1:
        for g in range(k):
            log_event(rec, time, CONFIRM, next_id + g)
    return tr, n + k, next_id + k, label


@njit(cache=True)
def _home_and_looks(tr, n, take_t, take_p, sensor, period, scanning):
    """Home sensor of the tracks hit (the slowest among their plots) and whether each track's home
    reported in this frame (a look)."""
    group_sensor = take1(sensor, take_p)
    slowest_into(take_t, group_sensor, period, tr.home[:n])
    looked = np.zeros(n, np.bool_)
    home = tr.home
    for i in range(n):
        looked[i] = scanning[home[i]]
    return looked


@njit(cache=True)
def step(tr, n, next_id, last_time, time, z, R, sensor, plot_id, scanning, period, prm, width, rec):
    """One frame at ``time`` [s] (plots ``z`` (p, 3) [m], ``R`` (p, 3, 3), ``sensor`` rows,
    ``plot_id`` labels; ``scanning`` (sensors,) bool); returns (tracks, count, next id)."""
    dt = 0.0 if np.isnan(last_time) else time - last_time
    X, P = _predicted(tr, np.arange(n), dt, prm, False)
    x0 = np.empty(len(z))
    for j in range(len(z)):
        x0[j] = z[j, 0]
    order = argsort(x0)  # plots along x, sorted once per frame for the gates and the clusters
    t, p, d2, ld = gate_pairs(X, P, z, R, prm[GATE], order)
    take_t, take_p = assign_views(t, p, d2, ld, sensor, len(z), prm[GATE], width)
    if prm[MANOEUVRE] > 0 and dt > 0:
        take_t, take_p = _retry(tr, n, dt, X, P, z, R, sensor, scanning, take_t, take_p, prm, width, order)
    hit, used = np.zeros(n, np.bool_), np.zeros(len(z), np.bool_)
    for k in range(len(take_t)):
        hit[take_t[k]] = True
        used[take_p[k]] = True
    zf, Rf = fuse(take_t, take_p, z, R, n)
    _modes_and_update(tr, hit, dt, X, P, zf, Rf, prm)
    tx, tP = tr.x, tr.P
    for i in range(n):
        copy_rows(X, P, i, tx, tP, i)
    looked = _home_and_looks(tr, n, take_t, take_p, sensor, period, scanning)
    ids = take1(tr.id, take_t)
    n, row = _compact(tr, n, _score(tr, n, time, hit, looked, prm, rec))
    left = where(~used)
    base = n
    tr, n, next_id, label = _start(tr, n, next_id, time, take_rows(z, left), take_mats(R, left),
                                   take1(sensor, left), period, prm, width, rec, sub_order(order, left, len(z)))
    # update rows appended, the record's columns read once per frame (not once per row)
    tP, tid, tconfirmed = tr.P, tr.id, tr.confirmed
    r_time, r_track, r_plot, r_sigma, r_confirmed = rec.time, rec.track, rec.plot, rec.sigma, rec.confirmed
    u = rec.size[0]
    for k in range(len(take_t)):
        i = row[take_t[k]]
        if i >= 0:
            r_time[u], r_track[u], r_plot[u] = time, ids[k], plot_id[take_p[k]]
            r_sigma[u], r_confirmed[u] = position_sigma_row(tP, i), tconfirmed[i]
            u += 1
    for k in range(len(left)):
        i = base + label[k]
        r_time[u], r_track[u], r_plot[u] = time, tid[i], plot_id[left[k]]
        r_sigma[u], r_confirmed[u] = position_sigma_row(tP, i), tconfirmed[i]
        u += 1
    rec.size[0] = u
    return tr, n, next_id
