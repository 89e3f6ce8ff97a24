"""Resolve and check the scenario's attacker section: names known, capacities able to launch the
scenario's own raid. The engine never reads it. compile_world checks its names at load (a misspelt
type, launch area or target is refused there); the planners resolve the means and also check that the
scenario's own raid fits them. The fit is not checked at load, because runs with overrides, history
replays and month nights change the raid and keep the attacker section as written."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from airshield.catalogue import Catalogue
from airshield.errors import InputError, unknown_name
from airshield.geo import launch_areas
from airshield.scenario.attacker import Attacker
from airshield.scenario.raid import LaunchPoint
from airshield.scenario.schema import Scenario
from airshield.world.compile_raid import launch_point
from airshield.world.locate import Locator
from airshield.world.tables import AssetTable


@dataclass(frozen=True)
class LaunchSiteMeans:
    """A launch area the attacker can use: ``key`` (launch area key, or rounded lat/lon), ``launch``
    (as written in a wave), local ``x, y`` and ``spread`` [m], ``capacity`` per night [-], ``threats``."""

    key: str
    launch: str | dict
    x: float
    y: float
    spread: float
    capacity: int
    threats: tuple[str, ...]


@dataclass(frozen=True)
class AttackerMeans:
    """The attacker's means for the night, resolved: ``inventory`` per type [-], launch ``sites``,
    ``night_capacity`` [-] (None: no limit), ``targets`` (asset names it may aim at), ``objective``,
    ``source``, ``defaults`` (the fields taken from the raid because the scenario left them out), and
    ``raid_sites`` (the site each wave of the scenario's raid launches from)."""

    inventory: dict[str, int]
    sites: tuple[LaunchSiteMeans, ...]
    night_capacity: int | None
    targets: tuple[str, ...]
    objective: str
    source: str
    defaults: tuple[str, ...]
    raid_sites: tuple[int, ...] = ()


def launch_key(launch: str | LaunchPoint, label: str) -> str:
    """The key that identifies a launch area: its catalogue key, or its rounded position and spread."""
    if isinstance(launch, str):
        return label
    return f"({launch.lat:.4f}, {launch.lon:.4f}, {launch.radius_km:g} km)"


def compile_attacker(scenario: Scenario, catalogue: Catalogue, locator: Locator, assets: AssetTable, *,
                     check_raid: bool = True) -> AttackerMeans:
    """The attacker's resolved means (defaults from the raid); with ``check_raid``, checked against the
    scenario's raid, which it must be able to launch (``raid_sites`` is then filled)."""
    attacker = scenario.attacker or Attacker()
    areas = launch_areas()
    raid = _raid_launches(scenario, areas, locator)
    defaults = []
    inventory = dict(attacker.inventory) if attacker.inventory is not None else None
    if inventory is None:
        defaults.append("inventory")
        inventory = {}
        for _, wave, _ in raid:
            inventory[wave.threat] = inventory.get(wave.threat, 0) + wave.count
    for name in inventory:
        if name not in catalogue.threats:
            raise unknown_name("threat type", name, catalogue.threats, file=locator.file, path=f"attacker.inventory.{name}")
    if attacker.launch_sites is None:
        defaults.append("launch_sites")
        sites = _default_sites(raid)
    else:
        sites = _sites(attacker, inventory, areas, locator)
    targets = _targets(attacker, assets, locator.file)
    _objective(attacker.objective, assets, locator.file)
    keys = [s.key for s in sites]
    means = AttackerMeans(inventory, tuple(sites), attacker.night_capacity, targets, attacker.objective,
                          attacker.source, tuple(defaults))
    if not check_raid:
        return means
    _check_raid_fits(means, raid, locator.file)
    return dataclasses.replace(means, raid_sites=tuple(keys.index(key) for key, _, _ in raid))


def _raid_launches(scenario: Scenario, areas, locator: Locator):
    """(key, wave, (x, y, spread)) of every wave of the raid."""
    rows = []
    for i, wave in enumerate(scenario.raid.waves):
        x, y, spread, label = launch_point(wave.launch, areas, locator, f"raid.waves[{i}].launch")
        rows.append((launch_key(wave.launch, label), wave, (x, y, spread)))
    return rows


def _default_sites(raid) -> list[LaunchSiteMeans]:
    """One site per launch area of the raid: capacity = the raid's count from it, its types."""
    sites: dict[str, dict] = {}
    for key, wave, (x, y, spread) in raid:
        launch = wave.launch if isinstance(wave.launch, str) else wave.launch.model_dump()
        site = sites.setdefault(key, {"launch": launch, "xy": (x, y, spread), "capacity": 0, "threats": []})
        site["capacity"] += wave.count
        if wave.threat not in site["threats"]:
            site["threats"].append(wave.threat)
    return [LaunchSiteMeans(k, s["launch"], *s["xy"], s["capacity"], tuple(s["threats"])) for k, s in sites.items()]


def _sites(attacker: Attacker, inventory: dict[str, int], areas, locator: Locator) -> list[LaunchSiteMeans]:
    sites, seen = [], {}
    for i, site in enumerate(attacker.launch_sites or []):
        path = f"attacker.launch_sites[{i}]"
        x, y, spread, label = launch_point(site.launch, areas, locator, f"{path}.launch")
        key = launch_key(site.launch, label)
        if key in seen:
            raise InputError(f"launch area '{key}' is listed twice (also at attacker.launch_sites[{seen[key]}])",
                             file=locator.file, path=f"{path}.launch", expected="each launch area once")
        seen[key] = i
        threats = tuple(site.threats) if site.threats is not None else tuple(inventory)
        for j, name in enumerate(threats):
            if name not in inventory:
                raise unknown_name("threat type of the inventory", name, inventory, file=locator.file,
                                   path=f"{path}.threats[{j}]")
        launch = site.launch if isinstance(site.launch, str) else site.launch.model_dump()
        sites.append(LaunchSiteMeans(key, launch, x, y, spread, site.capacity, threats))
    return sites


def _targets(attacker: Attacker, assets: AssetTable, file: str | None) -> tuple[str, ...]:
    if attacker.targets is None:
        return tuple(assets.name)
    if not attacker.targets:
        raise InputError("empty target list", file=file, path="attacker.targets",
                         expected="asset names, or omit the field to allow every asset")
    for j, name in enumerate(attacker.targets):
        if name not in assets.name:
            raise unknown_name("asset", name, assets.name, file=file, path=f"attacker.targets[{j}]")
    return tuple(dict.fromkeys(attacker.targets))


def _objective(objective: str, assets: AssetTable, file: str | None) -> None:
    if objective.startswith("city:") and objective[5:] not in assets.name:
        raise unknown_name("asset", objective[5:], assets.name, file=file, path="attacker.objective")


def _check_raid_fits(means: AttackerMeans, raid, file: str | None) -> None:
    """The scenario's own raid must be one the attacker can launch."""
    used: dict[str, int] = {}
    from_site: dict[str, int] = {}
    sites = {s.key: s for s in means.sites}
    for i, (key, wave, _) in enumerate(raid):
        used[wave.threat] = used.get(wave.threat, 0) + wave.count
        site = sites.get(key)
        if site is None:
            raise InputError(f"the raid launches from '{key}', which is not among the attacker's launch sites",
                             file=file, path=f"raid.waves[{i}].launch", expected=f"one of: {', '.join(sites)}")
        if wave.threat not in site.threats:
            raise InputError(f"the raid launches {wave.threat} from '{key}', which the attacker's site does not list",
                             file=file, path=f"raid.waves[{i}].threat",
                             expected=f"one of: {', '.join(site.threats)} (attacker.launch_sites)")
        from_site[key] = from_site.get(key, 0) + wave.count
    for name, count in used.items():
        if count > means.inventory.get(name, 0):
            raise InputError(f"the raid launches {count} {name} but the attacker's inventory holds "
                             f"{means.inventory.get(name, 0)}", file=file, path=f"attacker.inventory.{name}",
                             expected=f"at least {count} (the scenario's own raid)")
    for key, count in from_site.items():
        if count > sites[key].capacity:
            index = list(sites).index(key)
            raise InputError(f"the raid launches {count} threats from '{key}' but its capacity is {sites[key].capacity}",
                             file=file, path=f"attacker.launch_sites[{index}].capacity", expected=f"at least {count}")
    total = sum(used.values())
    if means.night_capacity is not None and total > means.night_capacity:
        raise InputError(f"the raid launches {total} threats but the night capacity is {means.night_capacity}",
                         file=file, path="attacker.night_capacity", expected=f"at least {total}")
