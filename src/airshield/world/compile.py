"""Compile a composed scenario into the World: resolve names, project positions, check feasibility."""

from __future__ import annotations

from airshield.catalogue import load_catalogue
from airshield.geo import LocalProjection
from airshield.scenario.compose import Composed
from airshield.scenario.resolved import resolved_document
from airshield.scenario.schema import Scenario
from airshield.world.compile_assets import compile_assets
from airshield.world.compile_attacker import compile_attacker
from airshield.world.compile_doctrine import compile_doctrine, reserve_classes
from airshield.world.compile_forces import compile_ew, compile_forces
from airshield.world.compile_raid import compile_raid
from airshield.world.compile_run import compile_run
from airshield.world.locate import Locator
from airshield.world.tables import World


def compile_world(source: Composed | Scenario, *, file: str | None = None) -> World:
    """The World of a composed scenario (or a validated Scenario); raises InputError (with the
    scenario's label or ``file``, and the field path) if it cannot run."""
    if isinstance(source, Composed):
        scenario, file = source.scenario, file or source.label
        document = source.resolved()
    else:
        scenario = source
        document = resolved_document(scenario)
    catalogue = load_catalogue(scenario.catalogue or None, file=file)
    theatre = scenario.theatre
    projection = LocalProjection(theatre.centre_lat, theatre.centre_lon)
    locator = Locator(projection, theatre.radius_km * 1000.0, file)
    assets = compile_assets(scenario.assets, locator)
    reserve = reserve_classes(scenario.doctrine, catalogue, file)
    sensors, units, weapons = compile_forces(scenario, catalogue, locator, reserve)
    ew = compile_ew(scenario, catalogue, locator)
    threat_types, waves = compile_raid(scenario, catalogue, locator, assets)
    if scenario.attacker is not None:
        # its own names checked at load; whether the raid fits it is the planners' check, since runs,
        # overrides, replays and month nights change the raid and leave the attacker as written
        compile_attacker(scenario, catalogue, locator, assets, check_raid=False)
    doctrine = compile_doctrine(scenario.doctrine, file)
    return World(name=scenario.name, description=scenario.description, document=document, projection=projection,
                 assets=assets, sensors=sensors, units=units, weapons=weapons, ew=ew, threat_types=threat_types,
                 waves=waves, doctrine=doctrine, run=compile_run(scenario.run), linked=scenario.network.linked)
