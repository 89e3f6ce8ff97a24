"""The scenario: what a scenario file holds, as one typed, validated model."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from airshield.scenario.attacker import Attacker
from airshield.scenario.base import ScenarioModel
from airshield.scenario.doctrine import Doctrine
from airshield.scenario.run_settings import RunSettings
from airshield.scenario.forces import Asset, EwZone, FireUnit, Network, SensorSite, Theatre
from airshield.scenario.raid import Raid


class Scenario(ScenarioModel):
    """A whole scenario: theatre, defended assets, defences, raid, doctrine and run settings."""

    name: str = Field(min_length=1, description="short name of the scenario")
    description: str = Field("", description="what the scenario shows; say here if the laydown is illustrative")
    extends: str | None = Field(None, description="a built-in scenario name or a path (relative to this file) to start from; keys given here override it")
    theatre: Theatre = Field(default_factory=Theatre, description="where the scenario plays")
    catalogue: dict[str, Any] = Field(default_factory=dict, description="overrides and additions to the catalogue: {threats|effectors|sensors|ew: {type key: {field: value}}}")
    assets: list[Asset] = Field(min_length=1, description="defended assets")
    sensors: list[SensorSite] = Field(default_factory=list, description="sensors")
    fire_units: list[FireUnit] = Field(default_factory=list, description="fire units")
    ew_zones: list[EwZone] = Field(default_factory=list, description="electronic-warfare zones")
    network: Network = Field(default_factory=Network, description="how the air picture is shared")
    raid: Raid = Field(description="the attack")
    attacker: Attacker | None = Field(None, description="the attacker's inventory, launch capacity and objective for the night (planning only)")
    doctrine: Doctrine = Field(default_factory=Doctrine, description="how fire units shoot")
    run: RunSettings = Field(default_factory=RunSettings, description="run defaults")
