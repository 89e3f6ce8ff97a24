"""Replay data of one replication for the map: compact column arrays of tracks and events.

Tracks are interpolated between the positions recorded in the event log (see ``airshield.report.tracks``).
"""

from __future__ import annotations

import numpy as np

from airshield.report.tracks import FATES, MARK_KINDS, Tracks

FATE_NAMES = (*FATES, "airborne")


def replay_data(tracks: Tracks, replication: int) -> dict:
    """``threats``: per threat type index, fate index, start/end [s] and the offset of its first point in
    ``points``; ``points``: t [s], lon, lat [deg]; ``events``: t, kind index, threat, lon, lat, unit name."""
    threats = tracks.threats
    points = tracks.points
    types = sorted(set(threats["threat_type"]))
    type_index = {t: i for i, t in enumerate(types)}
    ids = threats["threat"].to_numpy()
    row_of = {int(t): i for i, t in enumerate(ids)}
    counts = np.bincount([row_of[int(t)] for t in points["threat"]], minlength=len(ids))
    offsets = np.r_[0, np.cumsum(counts)].astype(int)
    marks = tracks.marks
    units = sorted({u for u in marks["unit_name"] if u})
    unit_index = {u: i for i, u in enumerate(units)}
    return {
        "replication": replication, "t_end": round(tracks.t_end, 1), "types": types, "fates": list(FATE_NAMES),
        "kinds": list(MARK_KINDS), "units": units,
        "threats": {"id": ids.tolist(), "type": [type_index[t] for t in threats["threat_type"]],
                    "fate": [FATE_NAMES.index(f) for f in threats["fate"]],
                    "start": np.round(threats["start"].to_numpy(float), 1).tolist(),
                    "end": np.round(threats["end"].to_numpy(float), 1).tolist(), "offset": offsets.tolist()},
        "points": {"t": np.round(points["time"].to_numpy(float), 1).tolist(), "lon": points["lon"].tolist(),
                   "lat": points["lat"].tolist()},
        "events": {"t": np.round(marks["time"].to_numpy(float), 1).tolist(),
                   "kind": [MARK_KINDS.index(k) for k in marks["kind"]],
                   "threat": [row_of[int(t)] for t in marks["threat"]],
                   "lon": marks["lon"].tolist(), "lat": marks["lat"].tolist(),
                   "unit": [unit_index.get(u, -1) if u else -1 for u in marks["unit_name"]]},
    }
