"""Scenario model of the attacker's means for one night: what it has, where it can launch from, and
what it wants (read by ``airshield plan attack`` and ``plan placement --robust``; the engine never
reads it)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from airshield.scenario.base import Count, ScenarioModel
from airshield.scenario.raid import LaunchPoint

OBJECTIVE_PATTERN = r"^(value|power|city:.+)$"
Stock = Annotated[Count, Field(ge=0, le=1000000)]
"""Threats of one type the attacker holds for the night [-]."""


class LaunchSite(ScenarioModel):
    """A launch area the attacker can use this night, and how many threats it can launch from it."""

    launch: str | LaunchPoint = Field(description="named launch area (see `airshield places`) or {lat, lon, radius_km}")
    capacity: Count = Field(ge=0, le=100000, description="threats launched from this area in one night, at most [-]")
    threats: list[str] | None = Field(None, description="threat types launched from here; default: every type of the inventory")


class Attacker(ScenarioModel):
    """The attacker of the night: inventory, launch capacity and objective (sources in ``source``)."""

    inventory: dict[str, Stock] | None = Field(
        None, description="threats of each type available for the night [-]; default: the raid's own counts")
    launch_sites: list[LaunchSite] | None = Field(
        None, description="launch areas and their capacity per night; default: the raid's areas, each with the "
                          "raid's count from it and the types the raid launches there")
    night_capacity: Count | None = Field(
        None, ge=0, le=1000000, description="threats launched in one night over all areas, at most [-]; default: no limit")
    targets: list[str] | None = Field(None, description="assets the attacker may aim at; default: every asset")
    objective: str = Field("value", pattern=OBJECTIVE_PATTERN,
                           description="what the attacker maximises: value (all value lost), power (value lost at "
                                       "power plants) or city:NAME (value lost at one asset)")
    source: str = Field("", description="where the figures come from (a public source or 'assumption: ...')")
