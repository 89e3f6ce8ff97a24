"""Multi-target tracking vectorised over tracks: CV Kalman filters, clustered GNN, track
management, fusion of several sensors, and tracking metrics (GOSPA, OSPA, continuity)."""

from airshield.tracking.association import gate_pairs, gnn_assign
from airshield.tracking.gnn import GnnTracker, Tracker, run_tracker
from airshield.tracking.metrics import Gospa, TrackingScore, gospa, ospa, score
from airshield.tracking.params import TrackerParams
from airshield.tracking.picture import EVENT_NAMES, TrackHistory, TrackPicture, position_sigma

__all__ = [
    "EVENT_NAMES", "GnnTracker", "Gospa", "TrackHistory", "TrackPicture", "Tracker", "TrackerParams",
    "TrackingScore", "gate_pairs", "gnn_assign", "gospa", "ospa", "position_sigma", "run_tracker", "score",
]
