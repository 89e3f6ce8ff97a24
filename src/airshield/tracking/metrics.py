"""Tracking metrics: GOSPA and OSPA per time, track continuity, time to firm track, false tracks.

GOSPA (Rahmathullah, Garcia-Fernandez, Svensson 2017) with cut-off ``c`` [m], order ``p`` and
``alpha`` (2 gives the localisation + missed + false decomposition):
``d = (min_assignment sum d_c(x, y)^p + c^p / alpha * (|X| + |Y| - 2 |assigned|))^(1/p)`` with
``d_c = min(d, c)``. OSPA (Schuhmacher et al. 2008) normalises by ``max(|X|, |Y|)``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import cdist


@dataclass(frozen=True)
class Gospa:
    """GOSPA at one time: ``distance`` and its parts (each to the power p): ``localisation``,
    ``missed`` and ``false`` costs; ``assignment`` truth row -> estimate row or -1."""

    distance: float
    localisation: float
    missed: float
    false: float
    assignment: np.ndarray


def gospa(truth: np.ndarray, estimate: np.ndarray, c: float = 1000.0, p: float = 2.0, alpha: float = 2.0) -> Gospa:
    """GOSPA between point sets ``truth`` (n, d) and ``estimate`` (m, d) [m]."""
    truth, estimate = np.reshape(truth, (-1, np.shape(truth)[-1] if np.size(truth) else 3)), \
        np.reshape(estimate, (-1, np.shape(estimate)[-1] if np.size(estimate) else 3))
    n, m = len(truth), len(estimate)
    assign = np.full(n, -1)
    loc = 0.0
    if n and m:
        d = np.minimum(cdist(truth, estimate), c) ** p
        # a pair at the cut-off is worth no more than a miss plus a false track when alpha = 2
        rows, cols = linear_sum_assignment(d)
        ok = d[rows, cols] < c ** p
        assign[rows[ok]] = cols[ok]
        loc = float(d[rows[ok], cols[ok]].sum())
    k = int((assign >= 0).sum())
    missed, false = c ** p / alpha * (n - k), c ** p / alpha * (m - k)
    return Gospa((loc + missed + false) ** (1 / p), loc, missed, false, assign)


def ospa(truth: np.ndarray, estimate: np.ndarray, c: float = 1000.0, p: float = 2.0) -> float:
    """OSPA distance [m] between ``truth`` (n, d) and ``estimate`` (m, d)."""
    n, m = len(truth), len(estimate)
    if n == 0 and m == 0:
        return 0.0
    if n == 0 or m == 0:
        return float(c)
    d = np.minimum(cdist(truth, estimate), c) ** p
    rows, cols = linear_sum_assignment(d)
    return float(((d[rows, cols].sum() + c ** p * abs(n - m)) / max(n, m)) ** (1 / p))


@dataclass(frozen=True)
class TrackingScore:
    """Metrics of a tracking run against truth.

    Per time (t,): ``times`` [s], ``gospa``, ``ospa`` [m], ``missed``/``false`` counts.
    Per truth (n,): ``first_visible`` [s], ``firm_time`` first time assigned to a confirmed track
    [s] (inf if never), ``latency`` = firm_time - first_visible [s], ``id_switches`` (changes of
    the assigned track id), ``breaks`` (assigned -> unassigned while still visible).
    ``false_tracks``: confirmed tracks never assigned to any truth.
    """

    times: np.ndarray
    gospa: np.ndarray
    ospa: np.ndarray
    missed: np.ndarray
    false: np.ndarray
    first_visible: np.ndarray
    firm_time: np.ndarray
    latency: np.ndarray
    id_switches: np.ndarray
    breaks: np.ndarray
    false_tracks: int
    tracks: int

    def summary(self) -> dict:
        """Means and totals as plain numbers."""
        lat = self.latency[np.isfinite(self.latency)]
        return {"gospa_mean": float(self.gospa.mean()) if len(self.gospa) else 0.0,
                "ospa_mean": float(self.ospa.mean()) if len(self.ospa) else 0.0,
                "id_switches": int(self.id_switches.sum()), "breaks": int(self.breaks.sum()),
                "false_tracks": self.false_tracks, "tracks": self.tracks,
                "never_tracked": int(np.isinf(self.firm_time).sum()),
                "latency_mean_s": float(lat.mean()) if len(lat) else None}


def score(truth, history, times: np.ndarray, first_visible: np.ndarray | None = None, c: float = 1000.0,
          p: float = 2.0, alpha: float = 2.0, truth_filter=None) -> TrackingScore:
    """Score a :class:`TrackHistory` against a truth source at ``times`` [s].

    A truth counts at time t if it is active and (when ``first_visible`` is given) has been
    visible to some sensor by t. ``truth_filter(t)`` may narrow it further (mask (n,)).
    """
    n = truth.n
    first_visible = np.full(n, -np.inf) if first_visible is None else first_visible
    g, o, miss, false = (np.zeros(len(times)) for _ in range(4))
    firm = np.full(n, np.inf)
    last_id, switches, breaks = np.full(n, -1), np.zeros(n, int), np.zeros(n, int)
    used_tracks: set[int] = set()
    for i, t in enumerate(times):
        mask = truth.active(t) & (first_visible <= t)
        if truth_filter is not None:
            mask &= truth_filter(t)
        rows = np.flatnonzero(mask)
        pts = truth.position(t)[rows]
        h = history.at(t)
        est, ids = history.xyz[h], history.track[h]
        res = gospa(pts, est, c, p, alpha)
        g[i], o[i] = res.distance, ospa(pts, est, c, p)
        miss[i], false[i] = (res.assignment < 0).sum(), len(est) - (res.assignment >= 0).sum()
        got = res.assignment >= 0
        tid = np.where(got, ids[np.maximum(res.assignment, 0)] if len(ids) else -1, -1)
        used_tracks.update(tid[got].tolist())
        r = rows
        firm[r[got]] = np.minimum(firm[r[got]], t)
        prev = last_id[r]
        switches[r] += (got & (prev >= 0) & (tid != prev)).astype(int)
        breaks[r] += (~got & (prev >= 0)).astype(int)
        last_id[r] = np.where(got, tid, -1)
    all_tracks = set(np.unique(history.track).tolist())
    with np.errstate(invalid="ignore"):
        latency = np.where(np.isfinite(first_visible), firm - first_visible, np.inf)
    return TrackingScore(np.asarray(times, float), g, o, miss, false, first_visible, firm, latency,
                         switches, breaks, len(all_tracks - used_tracks), len(all_tracks))
