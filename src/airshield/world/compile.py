"""Compile a validated Scenario into the World: resolve names, project positions, check feasibility."""

from __future__ import annotations

from airshield.catalogue import load_catalogue
from airshield.geo import LocalProjection
from airshield.scenario.schema import Scenario
from airshield.world.compile_assets import compile_assets
from airshield.world.compile_doctrine import compile_doctrine, reserve_classes
from airshield.world.compile_forces import compile_ew, compile_forces
from airshield.world.compile_raid import compile_raid
from airshield.world.locate import Locator
from airshield.world.tables import World


def compile_world(scenario: Scenario, *, file: str | None = None) -> World:
    """The World of ``scenario``; raises InputError (with ``file`` and field path) if it cannot run."""
    catalogue = load_catalogue(scenario.catalogue or None, file=file)
    theatre = scenario.theatre
    projection = LocalProjection(theatre.centre_lat, theatre.centre_lon)
    locator = Locator(projection, theatre.radius_km * 1000.0, file)
    assets = compile_assets(scenario.assets, locator)
    reserve = reserve_classes(scenario.doctrine, catalogue, file)
    sensors, units, weapons = compile_forces(scenario, catalogue, locator, reserve)
    ew = compile_ew(scenario, catalogue, locator)
    threat_types, waves = compile_raid(scenario, catalogue, locator, assets)
    doctrine = compile_doctrine(scenario.doctrine, file)
    return World(scenario=scenario, catalogue=catalogue, projection=projection, assets=assets,
                 sensors=sensors, units=units, weapons=weapons, ew=ew, threat_types=threat_types,
                 waves=waves, doctrine=doctrine, horizon=scenario.run.horizon_h * 3600.0,
                 linked=scenario.network.linked)
