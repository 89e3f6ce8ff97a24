"""Measurement-level sensing: radar, acoustic and observer plots with noise and false alarms."""

from airshield.sensing.arrays import make_sensors
from airshield.sensing.detection import radar_pd, reference_snr, swerling1_pd
from airshield.sensing.measure import SensingParams, look, scan_schedule, simulate_plots, visible
from airshield.sensing.plots import PlotTable, concat_plots, empty_plots
from airshield.sensing.truth import FlightTruth, TrajectoryTruth, straight_truth

__all__ = [
    "FlightTruth", "PlotTable", "SensingParams", "TrajectoryTruth",
    "concat_plots", "empty_plots", "look", "make_sensors", "radar_pd", "reference_snr", "scan_schedule",
    "simulate_plots", "straight_truth", "swerling1_pd", "visible",
]
