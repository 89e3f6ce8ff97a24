"""Scenario models of the attack: waves of one threat type from one launch area."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from airshield.scenario.base import Count, ScenarioModel


class LaunchPoint(ScenarioModel):
    """A custom launch area: a centre and a spread."""

    lat: float = Field(ge=-90, le=90, description="latitude [deg]")
    lon: float = Field(ge=-180, le=180, description="longitude [deg]")
    radius_km: float = Field(20.0, ge=0, le=500, description="launch points spread uniformly within this radius [km]")


class Carrier(ScenarioModel):
    """The aircraft that bring a wave's weapons: a catalogue aircraft type flying from a base."""

    type: str = Field(description="aircraft type key from the catalogue (class aircraft), e.g. tu-95ms or su-34")
    base: str | LaunchPoint = Field(description="air base it takes off from and returns to: a named place (see `airshield places`) or {lat, lon}")


class Wave(ScenarioModel):
    """A wave: ``count`` threats of one type launched from one area over a time window."""

    name: str | None = Field(None, description="label shown in reports; default: the threat type and launch area")
    threat: str = Field(description="threat type key from the catalogue, e.g. shahed-136")
    count: Count = Field(ge=1, le=100000, description="number of threats launched [-]")
    launch: str | LaunchPoint = Field(description="named launch area (see `airshield places`) or {lat, lon, radius_km}")
    start_min: float = Field(0.0, ge=0, le=7 * 24 * 60, description="first launch after the raid starts [min]")
    duration_min: float = Field(60.0, ge=0, le=7 * 24 * 60, description="launches spread uniformly over this window [min]")
    targets: list[str] | None = Field(None, description="names of assets aimed at; default: every asset")
    target_choice: Literal["value", "uniform", "nearest"] = Field(
        "value", description="how each threat picks among the targets: weighted by value, uniformly, or the nearest")
    route: Literal["direct", "dogleg"] | None = Field(None, description="route shape; default from the threat type")
    carrier: Carrier | None = Field(
        None, description="aircraft that carry the wave's weapons: ceil(count / per sortie) sorties take off from the "
                          "base over the wave's window and release at a point of the launch area (glide bombs: on the "
                          "line from the target towards it, at the loadout's release range), outside the known SAMs")


class Raid(ScenarioModel):
    """The attack: one or more waves."""

    name: str = Field("raid", description="label shown in reports")
    waves: list[Wave] = Field(min_length=1, description="the waves of the raid")
    standoff_km: float = Field(
        10.0, ge=0, le=1000, description="carriers release at least this far outside the envelope of every fire unit "
                                         "known to the attacker that can engage aircraft [km] (assumption: a margin "
                                         "for where the SAM may be and for the turn after release)")
