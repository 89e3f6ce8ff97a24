"""Compile the scenario's run settings into the World's frozen run specification (SI units)."""

from __future__ import annotations

from airshield.scenario.run_settings import EngineSection, RunSettings, SensorModeSection
from airshield.world.settings import EngineSettings, RunSpec, TrackingSettings

KMH = 1 / 3.6  # [m/s per km/h]


def compile_run(run: RunSettings) -> RunSpec:
    """The RunSpec of a scenario's ``run`` section."""
    return RunSpec(tracking=run.tracking, horizon=run.horizon_h * 3600.0, seed=run.seed,
                   replications=run.replications, engine=engine_settings(run.engine),
                   sensors=tracking_settings(run.sensors), start=run.start)


def engine_settings(section: EngineSection) -> EngineSettings:
    """EngineSettings from the scenario's ``run.engine`` section."""
    return EngineSettings(c2_cycle=section.c2_cycle_s, look=section.look_s, coast=section.coast_s,
                          aeroballistic_launch_altitude=section.aeroballistic_launch_altitude_m,
                          dogleg_spread=section.dogleg_spread, min_altitude=section.min_altitude_m,
                          evaluation_period=section.evaluation_period_s, loop=section.loop)


def tracking_settings(section: SensorModeSection) -> TrackingSettings:
    """TrackingSettings from the scenario's ``run.sensors`` section."""
    return TrackingSettings(confirm_m=section.confirm_m, confirm_n=section.confirm_n,
                            delete_misses=section.delete_misses, max_coast=section.max_coast_s,
                            init_speed_sigma=section.init_speed_sigma_kmh * KMH, false_alarms=section.false_alarms,
                            frame=section.frame_s, max_sigma=section.max_sigma_m, hold=section.hold_s)
