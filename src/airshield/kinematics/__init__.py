"""Kinematics: threat trajectories as numpy columns and their windows over regions."""

from airshield.kinematics.arcs import build_arcs
from airshield.kinematics.routes import build_routes, dogleg_offsets, path_length
from airshield.kinematics.sorties import RELEASE_VERTEX, build_sorties
from airshield.kinematics.trajectory import Trajectories
from airshield.kinematics.windows import (
    circle_windows,
    detection_windows,
    envelope_windows,
    sphere_windows,
)

__all__ = [
    "RELEASE_VERTEX",
    "Trajectories",
    "build_arcs",
    "build_routes",
    "build_sorties",
    "circle_windows",
    "detection_windows",
    "dogleg_offsets",
    "envelope_windows",
    "path_length",
    "sphere_windows",
]
