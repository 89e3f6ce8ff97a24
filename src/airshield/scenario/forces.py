"""Scenario models of what is defended and what defends it: assets, sensors, fire units, EW zones."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from airshield.scenario.base import Count, ScenarioModel


class Theatre(ScenarioModel):
    """Where the scenario plays: every position must lie within ``radius_km`` of ``centre``."""

    name: str = Field("Ukraine", description="name shown in reports")
    centre_lat: float = Field(48.5, ge=-90, le=90, description="centre of the local projection [deg]")
    centre_lon: float = Field(31.5, ge=-180, le=180, description="centre of the local projection [deg]")
    radius_km: float = Field(1800.0, gt=0, le=5000, description="largest distance of any position from the centre [km]")


class Asset(ScenarioModel):
    """A defended asset: a shipped city or power plant by name, or a custom point."""

    name: str = Field(min_length=1, description="unique name; with no lat/lon, looked up among shipped cities and power plants")
    place: str | None = Field(None, description="shipped city or power plant to take the position from, if it differs from name")
    lat: float | None = Field(None, ge=-90, le=90, description="latitude [deg]; omit to use the shipped place")
    lon: float | None = Field(None, ge=-180, le=180, description="longitude [deg]; omit to use the shipped place")
    value: float | None = Field(None, ge=0, le=1e9, description="value at stake [value points]; default: city population in thousands, or plant capacity [MW] / 10")
    radius_km: float = Field(3.0, gt=0, le=100, description="extent of the asset [km]: an impact within radius_km + lethal radius damages it")

    @model_validator(mode="after")
    def _lat_lon_together(self) -> "Asset":
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither (to use the shipped place)")
        return self


class SensorSite(ScenarioModel):
    """A sensor of a catalogue type at a position."""

    name: str = Field(min_length=1, description="unique name")
    type: str = Field(description="sensor type key from the catalogue, e.g. surveillance-radar")
    lat: float = Field(ge=-90, le=90, description="latitude [deg]")
    lon: float = Field(ge=-180, le=180, description="longitude [deg]")
    antenna_height_m: float | None = Field(None, ge=0, le=30000, description="antenna height above ground [m]; default from the type")


class FireUnit(ScenarioModel):
    """A fire unit (battery, gun, team, patrol) of a catalogue effector type."""

    name: str = Field(min_length=1, description="unique name")
    type: str = Field(description="effector type key from the catalogue, e.g. patriot")
    lat: float = Field(ge=-90, le=90, description="latitude [deg]")
    lon: float = Field(ge=-180, le=180, description="longitude [deg]")
    stock: dict[str, Count] | None = Field(None, description="loaded rounds per munition key; default: the type's capacity shared equally among its munitions; total at most launchers x rounds_per_launcher")
    magazine: dict[str, Count] = Field(default_factory=dict, description="further rounds per munition key held for reloading [rounds]")
    linked: bool | None = Field(None, description="uses the shared network picture; default: the scenario's network.linked")
    known_to_attacker: bool = Field(True, description="the attacker knows where it is and keeps its carriers out of its envelope; false: an ambush")

    @model_validator(mode="after")
    def _no_negative_rounds(self) -> "FireUnit":
        for label, table in (("stock", self.stock or {}), ("magazine", self.magazine)):
            for key, rounds in table.items():
                if rounds < 0:
                    raise ValueError(f"{label}.{key} is {rounds}; rounds must be 0 or more")
        return self


class EwZone(ScenarioModel):
    """An electronic-warfare (jamming) zone of a catalogue EW type."""

    name: str = Field(min_length=1, description="unique name")
    type: str = Field("ew-jammer", description="EW type key from the catalogue")
    lat: float = Field(ge=-90, le=90, description="latitude [deg]")
    lon: float = Field(ge=-180, le=180, description="longitude [deg]")
    radius_km: float | None = Field(None, gt=0, le=1000, description="radius of the zone [km]; default from the type")


class Network(ScenarioModel):
    """How sensors and fire units share their picture."""

    linked: bool = Field(True, description="fire units may engage threats seen by any sensor (a shared air picture); if false, only by their own radar")


TrackingMode = Literal["ideal"]
