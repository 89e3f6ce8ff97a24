"""The ``Tracker`` role and ``GnnTracker``: CV Kalman filters, gating, clustered GNN, M-of-N
initiation, deletion after misses; plots of several sensors fused by sequential updates."""

from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np

from airshield.sensing.plots import PlotTable
from airshield.tracking.association import gate_pairs, gnn_assign
from airshield.tracking.kalman import initial_state, innovation, mahalanobis2, predict, update
from airshield.tracking.params import TrackerParams
from airshield.tracking.picture import HISTORY_COLUMNS, TrackHistory, TrackPicture, position_sigma
from airshield.tracking.tracks import TrackArrays, score_look

INITIATE, CONFIRM, DELETE = 0, 1, 2


class Tracker(ABC):
    """Turns scans of plots, in time order, into tracks."""

    @abstractmethod
    def step(self, time: float, plots: PlotTable, sensor: int | None = None) -> None:
        """Take one scan (``plots`` of ``sensor`` at ``time`` [s]; may be empty)."""

    @abstractmethod
    def picture(self) -> TrackPicture:
        """The live tracks now."""

    @abstractmethod
    def history(self) -> TrackHistory:
        """Confirmed-track states recorded so far and the track events."""


class GnnTracker(Tracker):
    """Global-nearest-neighbour tracker vectorised over tracks.

    ``sensors`` (optional :class:`~airshield.world.SensorTable`): when given, a scan of sensor
    k counts as a look (miss or hit) only for tracks inside k's coverage disc; without it every
    scan is a look for every track. ``record``: keep the confirmed-track history.
    """

    def __init__(self, params: TrackerParams | None = None, sensors=None, record: bool = True):
        self.params = params or TrackerParams()
        self.sensors = sensors
        self.record = record
        self.tracks = TrackArrays()
        self.time: float | None = None
        self.next_id = 0
        self._gate = self.params.gate
        self._rows: list[tuple[np.ndarray, ...]] = []
        self._events: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []

    def step(self, time: float, plots: PlotTable, sensor: int | None = None) -> None:
        prm, tr = self.params, self.tracks
        dt = 0.0 if self.time is None else time - self.time
        if dt < 0:
            raise ValueError(f"scans must come in time order: {time} after {self.time}")
        self.time = time
        q = np.where(tr.manoeuvre > 0, prm.q_manoeuvre, prm.q) if prm.manoeuvre else np.full(tr.count, prm.q)
        x, P = predict(tr.x, tr.P, dt, q)
        z, R = plots.xyz, plots.cov
        t, p, d2 = gate_pairs(x[:, :3], P[:, :3, :3], z, R, self._gate)
        assign = gnn_assign(tr.count, len(z), t, p, d2, self._gate)
        if prm.manoeuvre:
            self._second_chance(dt, x, P, z, R, assign)
        hit = assign >= 0
        if prm.manoeuvre and hit.any():
            self._switch_modes(dt, x, P, z, R, assign)
        if hit.any():
            x[hit], P[hit], _ = update(x[hit], P[hit], z[assign[hit]], R[assign[hit]])
        tr.set("x", x)
        tr.set("P", P)
        self._manage(time, hit, self._looked(x, sensor))
        used = np.zeros(len(z), bool)
        used[assign[hit]] = True
        self._initiate(time, z[~used], R[~used])
        if self.record:
            self._record(time)

    def _switch_modes(self, dt, x, P, z, R, assign) -> None:
        """Quiet tracks whose plot is surprising (NIS above ``manoeuvre_nis``) are re-predicted
        with the manoeuvre noise before their update and stay in manoeuvre mode for
        ``manoeuvre_hold`` updates; manoeuvring tracks count down."""
        prm, tr = self.params, self.tracks
        rows = np.flatnonzero(assign >= 0)
        nu, S = innovation(x[rows], P[rows], z[assign[rows]], R[assign[rows]])
        nis = mahalanobis2(nu, S)
        jump = rows[(nis > prm.manoeuvre_nis) & (tr.manoeuvre[rows] == 0)]
        calm = rows[(nis <= prm.manoeuvre_nis) | (tr.manoeuvre[rows] > 0)]
        tr.manoeuvre[calm] = np.maximum(tr.manoeuvre[calm] - 1, 0)
        if len(jump) and dt > 0:
            x[jump], P[jump] = predict(tr.x[jump], tr.P[jump], dt, np.full(len(jump), prm.q_manoeuvre))
        tr.manoeuvre[jump] = prm.manoeuvre_hold

    def _second_chance(self, dt, x, P, z, R, assign) -> None:
        """Tracks in the quiet mode that found no plot try again, predicted with the manoeuvre
        noise, against the plots left over; a track that finds one switches to manoeuvre mode
        (its prediction in ``x``, ``P`` is replaced in place)."""
        prm, tr = self.params, self.tracks
        rows = np.flatnonzero((assign < 0) & (tr.manoeuvre == 0))
        free = np.ones(len(z), bool)
        free[assign[assign >= 0]] = False
        if len(rows) == 0 or not free.any() or dt == 0:
            return
        plots = np.flatnonzero(free)
        xm, Pm = predict(tr.x[rows], tr.P[rows], dt, np.full(len(rows), prm.q_manoeuvre))
        t, p, d2 = gate_pairs(xm[:, :3], Pm[:, :3, :3], z[plots], R[plots], self._gate)
        again = gnn_assign(len(rows), len(plots), t, p, d2, self._gate)
        got = again >= 0
        x[rows[got]], P[rows[got]] = xm[got], Pm[got]
        assign[rows[got]] = plots[again[got]]
        tr.manoeuvre[rows[got]] = prm.manoeuvre_hold

    def _looked(self, x: np.ndarray, sensor: int | None) -> np.ndarray:
        if self.sensors is None or sensor is None:
            return np.ones(len(x), bool)
        s = self.sensors
        reach = s.range[sensor] * self.params.coverage_margin
        return np.hypot(x[:, 0] - s.x[sensor], x[:, 1] - s.y[sensor]) <= reach

    def _manage(self, time: float, hit: np.ndarray, looked: np.ndarray) -> None:
        prm, tr = self.params, self.tracks
        confirm, drop = score_look(tr, time, hit, looked, prm.confirm_m, prm.confirm_n, prm.delete_misses,
                                   prm.max_coast)
        self._event(time, CONFIRM, tr.id[confirm])
        self._event(time, DELETE, tr.id[drop])
        tr.keep(~drop)

    def _initiate(self, time: float, z: np.ndarray, R: np.ndarray) -> None:
        if len(z) == 0:
            return
        x, P = initial_state(z, R, self.params.init_speed_sigma)
        ids = self.next_id + np.arange(len(z))
        self.next_id += len(z)
        self.tracks.add(id=ids, x=x, P=P, hits=1, looks=1, born=time, last_update=time, updates=1)
        self._event(time, INITIATE, ids)
        if self.params.confirm_m <= 1:
            self.tracks.confirmed[-len(z):] = True
            self._event(time, CONFIRM, ids)

    def _event(self, time: float, kind: int, ids: np.ndarray) -> None:
        if len(ids) and self.record:
            self._events.append((np.full(len(ids), time), np.full(len(ids), kind), ids.copy()))

    def _record(self, time: float) -> None:
        tr = self.tracks
        c = tr.confirmed
        if c.any():
            x = tr.x[c]
            self._rows.append((np.full(len(x), time), tr.id[c].copy(), *x.T.copy(), position_sigma(tr.P[c]),
                               np.ones(len(x), bool)))

    def picture(self) -> TrackPicture:
        tr = self.tracks
        return TrackPicture(self.time if self.time is not None else 0.0, tr.id.copy(), tr.x.copy(), tr.P.copy(),
                            tr.confirmed.copy(), position_sigma(tr.P), tr.last_update.copy())

    def history(self) -> TrackHistory:
        cols = [np.concatenate(c) if self._rows else np.zeros(0) for c in zip(*self._rows)] or \
            [np.zeros(0) for _ in HISTORY_COLUMNS]
        ev = [np.concatenate(c) for c in zip(*self._events)] if self._events else [np.zeros(0)] * 3
        data = dict(zip(HISTORY_COLUMNS, cols))
        data["track"] = data["track"].astype(int)
        data["confirmed"] = data["confirmed"].astype(bool)
        return TrackHistory(**data, event_time=ev[0].astype(float), event=ev[1].astype(int),
                            event_track=ev[2].astype(int))


def run_tracker(tracker: Tracker, plots: PlotTable) -> TrackHistory:
    """Feed every scan of ``plots`` (in order) to ``tracker``; its history afterwards."""
    for time, sensor, scan in plots.iter_scans():
        tracker.step(time, scan, sensor)
    return tracker.history()
