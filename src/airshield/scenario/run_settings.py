"""Scenario models of the run settings: defaults for a run, the engine's numerical choices and the
sensor mode's tracker, all reachable from a scenario file or ``--set run.engine.c2_cycle_s=4``."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal

from pydantic import Field, field_validator

from airshield.scenario.base import Count, ScenarioModel


class EngineSection(ScenarioModel):
    """Numerical choices of the engine (modelling choices, not data; the defaults are assumptions)."""

    c2_cycle_s: float = Field(2.0, ge=0, le=600, description="fire-control decisions are taken on this grid [s]")
    look_s: float = Field(5.0, ge=0, le=600, description="time to assess an intercept before the same threat is engaged again (assumption) [s]")
    coast_s: float = Field(120.0, ge=0, le=3600, description="the shared picture keeps a threat between sensor windows shorter than this [s]")
    evaluation_period_s: float = Field(30.0, gt=0, le=3600, description="threat evaluation refreshes a threat's value at risk this often [s]")
    aeroballistic_launch_altitude_m: float = Field(12_000.0, ge=0, le=30_000, description="release altitude of air-launched aeroballistic missiles [m]")
    dogleg_spread: float = Field(0.12, ge=0, le=1, description="sideways spread of dog-leg waypoints as a share of route length [-]")
    min_altitude_m: float = Field(15.0, ge=0, le=10_000, description="lowest cruise altitude a sampled threat flies at [m]")
    loop: Literal["auto", "reference"] = Field(
        "auto", description="'auto': the compiled event loop where the assigner allows it (greedy, cost-aware), the same "
                            "events as the reference; 'reference': always the readable Python loop")


class SensorModeSection(ScenarioModel):
    """The tracker and measurement model of the sensor mode (``tracking: sensors``)."""

    frame_s: float = Field(2.0, gt=0, le=60, description="report and fusion grid [s]")
    confirm_m: int = Field(3, ge=1, le=20, description="hits needed within the first confirm_n looks to confirm a track [-]")
    confirm_n: int = Field(5, ge=1, le=20, description="looks within which a track must be confirmed [-]")
    delete_misses: int = Field(3, ge=1, le=50, description="looks of the home sensor without a plot that delete a track [-]")
    max_coast_s: float = Field(60.0, gt=0, le=3600, description="a track without any update for this long is deleted [s]")
    init_speed_sigma_kmh: float = Field(2520.0, gt=0, le=50_000, description="1-sigma of each velocity component of a new track [km/h]")
    false_alarms: float = Field(0.2, ge=0, le=1000, description="mean false plots per radar scan over its coverage [-]")
    max_sigma_m: float = Field(1000.0, gt=0, le=100_000, description="worst-axis position 1-sigma a fire unit accepts to engage [m]")
    hold_s: float = Field(30.0, ge=0, le=3600, description="firm updates of one track closer than this keep the threat held [s]")


DEFAULT_START = datetime(2025, 1, 1, tzinfo=timezone.utc)


class RunSettings(ScenarioModel):
    """Defaults for running the scenario; the CLI can override them."""

    seed: Count = Field(1, ge=0, le=2**63 - 1, description="seed of the run's random numbers")
    replications: Count = Field(20, ge=1, le=1_000_000, description="Monte Carlo replications")
    tracking: Literal["ideal", "sensors"] = Field(
        "ideal", description="'ideal': detection windows [s] decide what fire units can engage; 'sensors': "
        "simulated plots (range, azimuth, elevation noise; false alarms) fused by a GNN tracker on 2 s frames, "
        "and fire units engage only firm tracks (confirmed, position sigma <= 1 km); slower (a few s per "
        "replication)")
    horizon_h: float = Field(24.0, gt=0, le=24 * 30, description="the simulation stops this long after the raid starts [h]")
    start: datetime = Field(DEFAULT_START, description="when the raid starts: time 0 of the event log, whose "
                            "timestamps are start + time; ISO 8601 such as 2024-08-26T03:00:00+03:00 (without a "
                            "zone: UTC); the default is an arbitrary fixed date [date-time]")
    engine: EngineSection = Field(default_factory=EngineSection, description="the engine's numerical choices")
    sensors: SensorModeSection = Field(default_factory=SensorModeSection, description="tracker settings of the sensor mode")

    @field_validator("start")
    @classmethod
    def _utc(cls, value: datetime) -> datetime:
        """A time without a zone is taken as UTC."""
        return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)
