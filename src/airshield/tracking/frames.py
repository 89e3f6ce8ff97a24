"""A frame-fed fusion tracker for whole raids: one step per report frame, all sensors at once.

:class:`GnnTracker` takes one sensor's scan per step, which is exact but costs a Python step per
(time, sensor); over a national raid that is hundreds of thousands of steps. :class:`FrameTracker`
keeps the same filter, gate and track arrays but takes every plot reported in a frame together:

- **Association per sensor, solved at once.** A track may take one plot from each sensor in the
  frame: gated (track, plot) pairs are grouped into (track, sensor) "views" and one clustered GNN
  assigns plots to views. Pair cost ``d^2 + ln det S`` (so a wide tentative gate does not steal
  a plot from a tight confirmed track), miss cost ``gate + ln det S`` of the view's closest pair.
- **Fusion.** The plots a track took are fused in information form (``R_f^-1 = sum R_i^-1``,
  ``z_f = R_f sum R_i^-1 z_i``) and applied as one Kalman update: for independent measurements at
  one time this equals updating with each in turn.
- **Manoeuvre mode** as in :class:`GnnTracker` (NIS test on the fused plot; a quiet track without
  plots retries with the manoeuvre prediction against the plots left over).
- **Looks follow the sensors that hold the track.** A frame is a look for a track when its *home*
  sensor reports in that frame; the home is the slowest-reporting sensor among the plots of the
  track's last update (for a new track, of its first plots). A track that leaves its sensors'
  coverage, or drops under their horizon, thus collects misses, while radars that could never see
  it (too small, too low) do not delete it. M-of-N confirmation and deletion after misses count
  these looks; ``max_coast`` bounds any track's life without updates (tentative ones included).
- **Initiation.** Plots left over are clustered across sensors (pairs within the gate of each
  other, from different sensors); a cluster with one plot per sensor starts one track from its
  fused plot, a cluster in which a sensor repeats starts one track per plot.
- **Updates record.** Each frame records, per plot used, the track it updated, and the track's
  quality after the frame (confirmed, position sigma): enough to know which threats a fire unit
  could hold on a firm track, and when.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from scipy.spatial import cKDTree

from airshield.tracking.association import gnn_assign
from airshield.tracking.gnn import CONFIRM, DELETE, INITIATE, GnnTracker
from airshield.tracking.kalman import initial_state, innovation, mahalanobis2, predict, update
from airshield.tracking.params import TrackerParams
from airshield.tracking.picture import position_sigma
from airshield.tracking.tracks import score_look


class FrameTracker(GnnTracker):
    """Fusion tracker fed per frame (see the module). ``period`` (sensors,) reporting period of
    each sensor [s], to choose a track's home sensor."""

    def __init__(self, params: TrackerParams | None = None, period: np.ndarray | None = None):
        super().__init__(params, None, record=False)
        self.period = None if period is None else np.asarray(period, float)
        self.home = np.zeros(64, int)
        self._upd: list[tuple[np.ndarray, ...]] = []
        self._ev: list[tuple[np.ndarray, ...]] = []

    # -- one frame -----------------------------------------------------------------------------
    def frame(self, time: float, z: np.ndarray, R: np.ndarray, sensor: np.ndarray, scanning: np.ndarray,
              plot_id: np.ndarray | None = None) -> None:
        """Take every plot reported at ``time`` [s]: positions ``z`` (p, 3) [m], covariances ``R``
        (p, 3, 3), reporting ``sensor`` rows (p,); ``scanning`` (sensors,) bool marks the sensors
        that reported in this frame (looks); ``plot_id`` labels plots in the update record."""
        prm, tr = self.params, self.tracks
        dt = 0.0 if self.time is None else time - self.time
        if dt < 0:
            raise ValueError(f"frames must come in time order: {time} after {self.time}")
        self.time = time
        plot_id = np.arange(len(z)) if plot_id is None else plot_id
        q = np.where(tr.manoeuvre > 0, prm.q_manoeuvre, prm.q) if prm.manoeuvre else np.full(tr.count, prm.q)
        x, P = predict(tr.x, tr.P, dt, q)
        take = self._associate(x, P, z, R, sensor)  # (track row, plot row) pairs
        if prm.manoeuvre and dt > 0:
            take = self._retry(dt, x, P, z, R, sensor, scanning, take)
        t_rows, p_rows = take
        hit = np.zeros(tr.count, bool)
        hit[t_rows] = True
        rows = np.flatnonzero(hit)
        if len(rows):
            zf, Rf = _fuse(t_rows, p_rows, z, R, tr.count)
            if prm.manoeuvre:
                self._modes(dt, x, P, rows, zf[rows], Rf[rows])
            x[rows], P[rows], _ = update(x[rows], P[rows], zf[rows], Rf[rows])
        tr.set("x", x)
        tr.set("P", P)
        home = self.home[: tr.count]
        if len(rows):
            home[:] = np.where(hit, _slowest(t_rows, sensor[p_rows], self._period(sensor), tr.count, home), home)
        looked = scanning[home] if tr.count else np.zeros(0, bool)
        ids, pid = tr.id[t_rows], plot_id[p_rows]
        self._manage_frame(time, hit, looked)
        used = np.zeros(len(z), bool)
        used[p_rows] = True
        new_ids, new_pid = self._start(time, z[~used], R[~used], sensor[~used], plot_id[~used])
        self._note(time, np.r_[ids, new_ids], np.r_[pid, new_pid])

    def _period(self, sensor: np.ndarray) -> np.ndarray:
        if self.period is None:
            return np.ones(int(sensor.max(initial=0)) + 1)
        return self.period

    def _associate(self, x, P, z, R, sensor):
        """(track rows, plot rows) taken: one plot per (track, sensor) view, clustered GNN."""
        t, p, d2 = _gate_pairs(x[:, :3], P[:, :3, :3], z, R, self._gate)
        return self._views(t, p, d2, P, R, sensor, len(z))

    def _views(self, t, p, d2, P, R, sensor, n_plots):
        """GNN of plots to (track, sensor) views; (track rows, plot rows) of the views served."""
        if len(t) == 0:
            e = np.zeros(0, int)
            return e, e
        logdet = np.log(np.linalg.det(P[t, :3, :3] + R[p]))
        width = int(sensor.max()) + 1
        view, vt = np.unique(t * width + sensor[p], return_inverse=True)
        miss = np.full(len(view), np.inf)
        np.minimum.at(miss, vt, logdet)
        got = gnn_assign(len(view), n_plots, vt, p, d2 + logdet, miss + self._gate)
        v = np.flatnonzero(got >= 0)
        return view[v] // width, got[v]

    def _retry(self, dt, x, P, z, R, sensor, scanning, take):
        """Quiet tracks without any plot retry with the manoeuvre prediction on free plots."""
        prm, tr = self.params, self.tracks
        t_rows, p_rows = take
        quiet = np.ones(tr.count, bool)
        quiet[t_rows] = False
        quiet &= (tr.manoeuvre == 0) & tr.confirmed & scanning[self.home[: tr.count]]
        free = np.ones(len(z), bool)
        free[p_rows] = False
        rows = np.flatnonzero(quiet)
        if len(rows) == 0 or not free.any():
            return take
        plots = np.flatnonzero(free)
        xm, Pm = predict(tr.x[rows], tr.P[rows], dt, np.full(len(rows), prm.q_manoeuvre))
        t, p, d2 = _gate_pairs(xm[:, :3], Pm[:, :3, :3], z[plots], R[plots], self._gate)
        if len(t) == 0:
            return take
        tt, pp = self._views(t, p, d2, Pm, R[plots], sensor[plots], len(plots))
        got = np.unique(tt)
        x[rows[got]], P[rows[got]] = xm[got], Pm[got]
        tr.manoeuvre[rows[got]] = prm.manoeuvre_hold
        return np.r_[t_rows, rows[tt]], np.r_[p_rows, plots[pp]]

    def _modes(self, dt, x, P, rows, zf, Rf) -> None:
        """NIS switch of :meth:`GnnTracker._switch_modes` on the fused plot."""
        prm, tr = self.params, self.tracks
        nu, S = innovation(x[rows], P[rows], zf, Rf)
        nis = mahalanobis2(nu, S)
        jump = (nis > prm.manoeuvre_nis) & (tr.manoeuvre[rows] == 0)
        calm = rows[~jump]
        tr.manoeuvre[calm] = np.maximum(tr.manoeuvre[calm] - 1, 0)
        j = rows[jump]
        if len(j) and dt > 0:
            x[j], P[j] = predict(tr.x[j], tr.P[j], dt, np.full(len(j), prm.q_manoeuvre))
        tr.manoeuvre[j] = prm.manoeuvre_hold

    def _manage_frame(self, time: float, hit: np.ndarray, looked: np.ndarray) -> None:
        prm, tr = self.params, self.tracks
        confirm, drop = score_look(tr, time, hit, looked, prm.confirm_m, prm.confirm_n, prm.delete_misses,
                                   prm.max_coast, stale_tentative=True)
        self._log(time, CONFIRM, tr.id[confirm])
        self._log(time, DELETE, tr.id[drop])
        keep = ~drop
        self.home[: keep.sum()] = self.home[: tr.count][keep]
        tr.keep(keep)

    def _start(self, time: float, z, R, sensor, plot_id) -> tuple[np.ndarray, np.ndarray]:
        """New tentative tracks from the plots left over, one per cross-sensor cluster; the new
        track id of each plot, and the plots' labels."""
        if len(z) == 0:
            return np.zeros(0, int), np.zeros(0, int)
        label = _clusters(z, R, sensor, self._gate)
        zf, Rf = _fuse(label, np.arange(len(z)), z, R, int(label.max()) + 1)
        x, P = initial_state(zf, Rf, self.params.init_speed_sigma)
        k = len(zf)
        ids = self.next_id + np.arange(k)
        self.next_id += k
        tr = self.tracks
        before = tr.count
        tr.add(id=ids, x=x, P=P, hits=1, looks=1, born=time, last_update=time, updates=1)
        if len(self.home) < tr.count:
            self.home = np.r_[self.home, np.zeros(max(tr.count, 2 * len(self.home)) - len(self.home), int)]
        self.home[before: tr.count] = _slowest(label, sensor, self._period(sensor), k, np.zeros(k, int))
        self._log(time, INITIATE, ids)
        if self.params.confirm_m <= 1:
            tr.confirmed[before:] = True
            self._log(time, CONFIRM, ids)
        return ids[label], plot_id

    def _note(self, time: float, ids: np.ndarray, pid: np.ndarray) -> None:
        """Record (time, track, plot) for every plot used, with the track's quality now."""
        if len(ids) == 0:
            return
        tr = self.tracks
        pos = np.searchsorted(tr.id, ids)  # ids are increasing along the rows
        alive = pos < tr.count
        alive[alive] = tr.id[pos[alive]] == ids[alive]
        ids, pid, pos = ids[alive], pid[alive], pos[alive]
        uniq, inv = np.unique(pos, return_inverse=True)
        sigma = position_sigma(tr.P[uniq])[inv]
        self._upd.append((np.full(len(ids), time), ids, pid, sigma, tr.confirmed[pos].copy()))

    def _log(self, time: float, kind: int, ids: np.ndarray) -> None:
        if len(ids):
            self._ev.append((np.full(len(ids), time), np.full(len(ids), kind), ids.copy()))

    def updates(self) -> dict[str, np.ndarray]:
        """The update record: ``time`` [s], ``track`` id, ``plot`` label, ``sigma`` [m] and
        ``confirmed`` of the track after that frame, one row per plot used."""
        names = ("time", "track", "plot", "sigma", "confirmed")
        if not self._upd:
            return {n: np.zeros(0, float if n in ("time", "sigma") else (bool if n == "confirmed" else int))
                    for n in names}
        return {n: np.concatenate([u[i] for u in self._upd]) for i, n in enumerate(names)}

    def events(self) -> dict[str, np.ndarray]:
        """Track events: ``time`` [s], ``event`` (index into ``EVENT_NAMES``), ``track`` id."""
        if not self._ev:
            return {"time": np.zeros(0), "event": np.zeros(0, int), "track": np.zeros(0, int)}
        return {n: np.concatenate([e[i] for e in self._ev]) for i, n in enumerate(("time", "event", "track"))}


def run_frame_tracker(frame_time, scan_cut, scan_sensor, plot_cut, z, R, sensor, plot_id, period,
                      params: TrackerParams | None = None) -> tuple[dict, dict]:
    """(updates, events) of a :class:`FrameTracker` fed every frame f: time ``frame_time[f]`` [s],
    scanning sensors ``scan_sensor[scan_cut[f]:scan_cut[f+1]]``, plots ``plot_cut[f]:plot_cut[f+1]``
    of ``z`` (p, 3) [m], ``R`` (p, 3, 3), ``sensor`` and ``plot_id``; ``period`` (sensors,) [s]. The
    reference of :func:`airshield.tracking.compiled.track_frames`, which takes the same arguments."""
    tracker = FrameTracker(params, period)
    scanning = np.zeros(len(period), bool)
    for f, time in enumerate(frame_time):
        scanning[:] = False
        scanning[scan_sensor[scan_cut[f]:scan_cut[f + 1]]] = True
        lo, hi = plot_cut[f], plot_cut[f + 1]
        tracker.frame(float(time), z[lo:hi], R[lo:hi], sensor[lo:hi], scanning, plot_id[lo:hi])
    return tracker.updates(), tracker.events()


def _gate_pairs(pos, pos_cov, z, R, gate: float):
    """``airshield.tracking.association.gate_pairs`` without a k-d tree: candidates from a
    sweep over the plots sorted by x within each track's bound radius (trace bounds the largest
    eigenvalue), then the exact squared Mahalanobis test; the same pairs and distances."""
    if len(pos) == 0 or len(z) == 0:
        e = np.zeros(0, int)
        return e, e, np.zeros(0)
    tr_p = np.trace(pos_cov, axis1=1, axis2=2)
    tr_r = np.trace(R, axis1=1, axis2=2)
    radius = np.sqrt(gate * (tr_p + tr_r.max()))
    order = np.argsort(z[:, 0], kind="stable")
    zx = z[order, 0]
    lo = np.searchsorted(zx, pos[:, 0] - radius, "left")
    count = np.searchsorted(zx, pos[:, 0] + radius, "right") - lo
    t = np.repeat(np.arange(len(pos)), count)
    p = order[np.arange(len(t)) - np.repeat(np.cumsum(count) - count, count) + np.repeat(lo, count)]
    diff = z[p] - pos[t]
    near = np.einsum("ki,ki->k", diff, diff) <= gate * (tr_p[t] + tr_r[p])
    t, p, diff = t[near], p[near], diff[near]
    if len(t) == 0:
        return t, p, np.zeros(0)
    d2 = mahalanobis2(diff, pos_cov[t] + R[p])
    keep = d2 < gate
    t, p, d2 = t[keep], p[keep], d2[keep]
    back = np.lexsort((p, t))  # pairs in track, then plot order (as gate_pairs)
    return t[back], p[back], d2[back]


def _fuse(group: np.ndarray, rows: np.ndarray, z: np.ndarray, R: np.ndarray, n: int):
    """Information-form fusion of plots ``rows`` into ``n`` groups: (n, 3) positions, (n, 3, 3)
    covariances (groups without plots get zero / identity)."""
    zf, Rf = np.zeros((n, 3)), np.broadcast_to(np.eye(3), (n, 3, 3)).copy()
    if len(rows) == 0:
        return zf, Rf
    if len(np.unique(group)) == len(group):  # one plot per group: nothing to fuse
        zf[group], Rf[group] = z[rows], R[rows]
        return zf, Rf
    info = np.linalg.inv(R[rows])
    vec = np.einsum("kij,kj->ki", info, z[rows])
    used = np.unique(group)
    I = np.stack([np.bincount(group, info[:, i, j], n)[used] for i in range(3) for j in range(3)], 1)
    v = np.stack([np.bincount(group, vec[:, i], n)[used] for i in range(3)], 1)
    cov = np.linalg.inv(I.reshape(-1, 3, 3))
    zf[used] = np.einsum("kij,kj->ki", cov, v)
    Rf[used] = 0.5 * (cov + cov.transpose(0, 2, 1))
    return zf, Rf


def _slowest(group: np.ndarray, sensor: np.ndarray, period: np.ndarray, n: int, default: np.ndarray) -> np.ndarray:
    """Per group (n,), the sensor with the longest reporting period among its plots (ties: the
    lowest row); ``default`` where a group has none."""
    out = np.asarray(default, int).copy()
    order = np.lexsort((sensor, -period[sensor], group))
    g = group[order]
    first = np.r_[True, g[1:] != g[:-1]]
    out[g[first]] = sensor[order][first]
    return out


def _clusters(z: np.ndarray, R: np.ndarray, sensor: np.ndarray, gate: float) -> np.ndarray:
    """Cluster labels (p,) of plots: plots of different sensors within the gate of each other
    join; a cluster in which a sensor repeats is split into single plots."""
    p = len(z)
    if p == 1 or len(np.unique(sensor)) == 1:
        return np.arange(p)
    if p <= 300:
        trace = np.trace(R, axis1=1, axis2=2)
        diff = z[:, None, :] - z[None, :, :]
        a, b = np.nonzero(np.triu(np.einsum("abi,abi->ab", diff, diff) <= gate * (trace[:, None] + trace[None, :]), 1))
    else:
        lam = np.linalg.eigvalsh(R)[:, -1]
        pairs = cKDTree(z).query_pairs(np.sqrt(gate * 2 * lam.max()) * (1 + 1e-9), output_type="ndarray")
        a, b = (pairs[:, 0], pairs[:, 1]) if len(pairs) else (np.zeros(0, int), np.zeros(0, int))
    if len(a) == 0:
        return np.arange(p)
    ok = sensor[a] != sensor[b]
    a, b = a[ok], b[ok]
    if len(a):
        ok = mahalanobis2(z[a] - z[b], R[a] + R[b]) < gate
        a, b = a[ok], b[ok]
    if len(a) == 0:
        return np.arange(p)
    _, label = connected_components(coo_matrix((np.ones(len(a)), (a, b)), shape=(p, p)), directed=False)
    # split clusters in which one sensor reports twice
    key = label * (int(sensor.max()) + 1) + sensor
    uniq, count = np.unique(key, return_counts=True)
    bad = np.unique(uniq[count > 1] // (int(sensor.max()) + 1))
    split = np.isin(label, bad)
    label = np.where(split, label.max() + 1 + np.arange(p), label)
    return np.unique(label, return_inverse=True)[1]
