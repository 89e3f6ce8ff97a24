"""The event loop of one replication, compiled (numba): the reference loop
(:class:`airshield.engine.loop.RaidLoop` with a greedy or cost-aware assigner) event for event.

The queue (:mod:`.queue`) orders events by (time, priority, sequence) as the reference's heap
does. C2 decision times lie on the grid of ``cycle`` [s]; the decisions already scheduled are
marked per grid step (``decided``), and decisions past the horizon are not scheduled at all (they
would never run; the order of the others is unchanged). Log rows are written, in the reference's order, to a
float table whose columns are :data:`LOG_COLUMNS`; kinds are codes into :data:`LOOP_KINDS`.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

from airshield.engine.compiled.evaluate import value_at_risk
from airshield.engine.compiled.greedy import greedy_choice
from airshield.engine.compiled.kinematics import intercept_time, state
from airshield.engine.compiled.queue import pop, push

INTERCEPT, END, RELOAD, DECIDE = 0, 1, 2, 3
LOOP_KINDS = ("engage", "kill", "miss", "ew_loss", "failure", "impact", "damage", "reload")
ENGAGE, KILL, MISS, EW_LOSS, FAILURE, IMPACT, DAMAGE, RELOADED = range(8)
LOG_COLUMNS = ("time", "kind", "threat", "unit", "weapon", "rounds", "cost_usd", "x", "y", "z", "asset", "value")
FATE_IMPACT, FATE_FAILURE, FATE_EW = 0, 1, 2


@njit(cache=True)
def _log(log, count, time, kind, threat, unit, weapon, rounds, cost, x, y, z, asset, value):
    """Append one row (growing the table when full); returns the (possibly new) table."""
    if count[0] == log.shape[0]:
        bigger = np.empty((2 * log.shape[0], log.shape[1]))
        bigger[:count[0]] = log
        log = bigger
    row = log[count[0]]
    row[0], row[1], row[2], row[3], row[4], row[5] = time, kind, threat, unit, weapon, rounds
    row[6], row[7], row[8], row[9], row[10], row[11] = cost, x, y, z, asset, value
    count[0] += 1
    return log


@njit(cache=True)
def _decide_at(queue, decided, time, cycle, horizon):
    """Schedule a decision at the first grid time at or after ``time`` [s], once per grid step."""
    step = math.ceil(time / cycle)
    time = step * cycle
    if time <= horizon and not decided[step]:
        decided[step] = True
        queue = push(queue, time, DECIDE, -1, -1, 0.0, 0.0, 0.0, 0.0)
    return queue


@njit(cache=True)
def _open(pr, mu, time):
    """Engagement opportunities open at ``time``: newly opened affordable pairs appended, closed
    pairs and pairs of dead threats dropped (order kept); returns their count."""
    end = np.searchsorted(pr.open, time, side="right")
    n = mu.n_active[0]
    for p in range(mu.cursor[0], end):
        if pr.affordable[p]:
            mu.active[n] = p
            n += 1
    if end > mu.cursor[0]:
        mu.cursor[0] = end
    kept = 0
    for i in range(n):
        p = mu.active[i]
        if pr.close[p] >= time and mu.alive[pr.threat[p]]:
            mu.active[kept] = p
            kept += 1
    mu.n_active[0] = kept
    return kept, end


@njit(cache=True)
def _weights(tr, st, mu, targets, time):
    """Evaluated weight of each target, re-evaluating those not evaluated within the period."""
    for j in targets:
        if mu.evaluated[j] <= time - st.evaluation_period:
            px, py, _, vx, vy, _ = state(tr, j, time)
            c = st.perceived[j]
            value = value_at_risk(px, py, vx, vy, st.drone_like[c], st.lethal[j], st.decoy_belief,
                                  st.sigma_drone, st.sigma_missile, st.ax, st.ay, st.avalue, st.aradius)
            mu.weight[j] = st.priority[c] * value
            mu.evaluated[j] = time


@njit(cache=True)
def _distinct(threats, mark):
    """The distinct values of ``threats`` (order of first appearance), using ``mark`` as scratch."""
    out = np.empty(len(threats), np.int64)
    n = 0
    for j in threats:
        if not mark[j]:
            mark[j] = True
            out[n] = j
            n += 1
    for i in range(n):
        mark[out[i]] = False
    return out[:n]


@njit(cache=True)
def _later(pr, mu, targets, end):
    """Per target, in ``mu.scratch``, the chance that cheap engagements opening later would kill it [-]."""
    acc = mu.scratch
    for j in targets:
        acc[j] = 0.0
        mu.is_target[j] = True
    for p in range(end, len(pr.open)):
        j = pr.threat[p]
        if pr.cheap[p] and mu.stock[pr.weapon[p]] > 0 and mu.is_target[j]:
            acc[j] += math.log1p(-min(pr.pk[p], 1 - 1e-12))
    for j in targets:
        acc[j] = 1.0 - math.exp(acc[j])
        mu.is_target[j] = False


@njit(cache=True)
def _candidates(pr, st, mu, time, cost_aware):
    """(pair rows, rounds, p_kill, cost) of the feasible engagements at ``time``, and the rows'
    weights and later-kill chances; empty when nothing can fire."""
    n_active, end = _open(pr, mu, time)
    rows = np.empty(n_active, dtype=np.int64)
    count = 0
    for i in range(n_active):
        p = mu.active[i]
        j, w = pr.threat[p], pr.weapon[p]
        if mu.stock[w] <= 0 or mu.busy[pr.unit[p]] >= pr.channels[p]:
            continue
        second = st.last_close[j] > time + st.second_chance_s
        idle = mu.in_flight[j] == 0 and mu.look_until[j] <= time
        if not (idle or not second):
            continue
        if not st.shoot_look_shoot and mu.used[p]:
            continue
        rows[count] = p
        count += 1
    rows = rows[:count]
    rounds = np.empty(count, dtype=np.int64)
    p_kill, cost, weight = np.empty(count), np.empty(count), np.empty(count)
    for i in range(count):
        p = rows[i]
        rounds[i] = min(pr.salvo[p], mu.stock[pr.weapon[p]])
        p_kill[i] = 1.0 - math.pow(1.0 - pr.pk[p], float(rounds[i]))
        cost[i] = float(rounds[i]) * pr.round_cost[p]
    targets = _distinct(pr.threat[rows], mu.is_target)
    _weights(st.tr, st, mu, targets, time)
    for i in range(count):
        weight[i] = mu.weight[pr.threat[rows[i]]]
    later = np.zeros(count)
    if cost_aware and count:
        _later(pr, mu, targets, end)
        for i in range(count):
            later[i] = mu.scratch[pr.threat[rows[i]]]
    return rows, rounds, p_kill, cost, weight, later


@njit(cache=True)
def _damage(st, mu, log, count, time, j, x, y, z):
    lethal = st.true_lethal[j]
    for a in range(len(st.ax)):
        if math.hypot(st.ax[a] - x, st.ay[a] - y) <= st.aradius[a] + lethal:
            lost = mu.remaining[a] * min(1.0, (lethal / st.aradius[a]) ** 2)
            if lost > 0:
                mu.remaining[a] -= lost
                log = _log(log, count, time, DAMAGE, j, -1, -1, 0, 0.0, x, y, z, a, lost)
    return log


@njit(cache=True)
def run_loop(pr, st, mu, queue, opens, horizon, cycle, look, cost_aware, value_per_usd, log):
    """Process the replication's events up to ``horizon`` [s]; returns (log table, rows used).
    ``opens``: the distinct opening times of the engagement pairs [s]."""
    count = np.zeros(1, dtype=np.int64)
    decided = np.zeros(int(math.ceil(horizon / cycle)) + 2, dtype=np.bool_)
    n = len(st.end_time)
    for j in range(n):
        queue = push(queue, st.end_time[j], END, j, -1, 0.0, 0.0, 0.0, 0.0)
    for t in opens:
        queue = _decide_at(queue, decided, t, cycle, horizon)
    for w in range(len(mu.stock)):
        if mu.stock[w] == 0 and mu.magazine[w] > 0:
            mu.reloading[w] = True
            queue = push(queue, st.reload[st.weapon_unit[w]], RELOAD, -1, w, 0.0, 0.0, 0.0, 0.0)
    while queue.size[0] and queue.time[0] <= horizon:
        time, priority, j, w, p_kill, x, y, z = pop(queue)
        if priority == END:
            log = _end(st, mu, log, count, time, j)
        elif priority == INTERCEPT:
            unit = st.weapon_unit[w]
            mu.busy[unit] -= 1
            mu.in_flight[j] -= 1
            if mu.alive[j]:
                mu.survival[j] *= 1.0 - p_kill
                kill = st.luck[j] >= mu.survival[j]
                log = _log(log, count, time, KILL if kill else MISS, j, unit, w, 0, 0.0, x, y, z, -1, 0.0)
                mu.alive[j] = not kill
                if kill:
                    mu.ended_at[j] = time
                else:
                    mu.look_until[j] = time + look
                    queue = _decide_at(queue, decided, time + look, cycle, horizon)
            queue = _decide_at(queue, decided, time, cycle, horizon)
        elif priority == RELOAD:
            rounds = min(mu.reload_size[w], mu.magazine[w])
            mu.stock[w] += rounds
            mu.magazine[w] -= rounds
            mu.reloading[w] = False
            log = _log(log, count, time, RELOADED, -1, st.weapon_unit[w], w, rounds, 0.0,
                       np.nan, np.nan, np.nan, -1, 0.0)
            queue = _decide_at(queue, decided, time, cycle, horizon)
        else:
            decided[int(round(time / cycle))] = False
            log, queue = _decide(pr, st, mu, queue, log, count, time, cost_aware, value_per_usd)
    return log, count[0]


@njit(cache=True)
def _end(st, mu, log, count, time, j):
    """A threat's unopposed end (impact, failure, EW loss), if it is still flying."""
    if not mu.alive[j]:
        return log
    mu.alive[j] = False
    mu.ended_at[j] = time
    ex, ey, ez = st.end_xyz[j, 0], st.end_xyz[j, 1], st.end_xyz[j, 2]
    fate = st.fate[j]
    if fate == FATE_FAILURE or fate == FATE_EW:
        return _log(log, count, time, FAILURE if fate == FATE_FAILURE else EW_LOSS, j, -1, -1, 0, 0.0,
                    ex, ey, ez, -1, 0.0)
    log = _log(log, count, time, IMPACT, j, -1, -1, 0, 0.0, ex, ey, ez, -1, 0.0)
    if not st.harmless[j]:
        log = _damage(st, mu, log, count, time, j, ex, ey, ez)
    return log


@njit(cache=True)
def _decide(pr, st, mu, queue, log, count, time, cost_aware, value_per_usd):
    tr = st.tr
    rows, rounds, p_kill, cost, weight, later = _candidates(pr, st, mu, time, cost_aware)
    if len(rows) == 0:
        return log, queue
    free = st.channels - mu.busy
    threat = pr.threat[rows]
    chosen = greedy_choice(threat, pr.unit[rows], pr.weapon[rows], p_kill, weight, cost, later, free,
                           value_per_usd, len(st.end_time))
    k = len(chosen)
    meet = np.empty(k)
    for i in range(k):
        p = rows[chosen[i]]
        u = pr.unit[p]
        meet[i] = intercept_time(tr, pr.threat[p], st.ux[u], st.uy[u], st.weapon_speed[pr.weapon[p]], time,
                                 pr.meet_by[p])
    for i in range(k):
        c = chosen[i]
        p = rows[c]
        j, w, u, r = pr.threat[p], pr.weapon[p], pr.unit[p], rounds[c]
        if mu.stock[w] < r or mu.busy[u] >= st.channels[u]:
            continue
        hx, hy, hz, _, _, _ = state(tr, j, time)
        mx, my, mz, _, _, _ = state(tr, j, meet[i])
        kill = 1.0 - math.pow(1.0 - pr.pk_true[p], float(r))
        mu.stock[w] -= r
        mu.busy[u] += 1
        reload = mu.stock[w] == 0 and mu.magazine[w] > 0 and not mu.reloading[w]
        if reload:
            mu.reloading[w] = True
        mu.in_flight[j] += 1
        mu.used[p] = True
        log = _log(log, count, time, ENGAGE, j, u, w, r, cost[c], hx, hy, hz, -1, 0.0)
        queue = push(queue, meet[i], INTERCEPT, j, w, kill, mx, my, mz)
        if reload:
            queue = push(queue, time + st.reload[u], RELOAD, -1, w, 0.0, 0.0, 0.0, 0.0)
    return log, queue
