"""Compile sensors, fire units with their munitions, and EW zones into column tables."""

from __future__ import annotations

import numpy as np

from airshield.catalogue import THREAT_CLASSES, Catalogue, EffectorType
from airshield.errors import InputError, unknown_name
from airshield.scenario.schema import Scenario
from airshield.world.compile_assets import check_unique
from airshield.world.compile_sensors import SensorRow, sensor_table, sensor_type
from airshield.world.locate import Locator
from airshield.world.tables import EwTable, SensorTable, UnitTable, WeaponTable

MAX_MAGAZINE_ROUNDS = 1_000_000_000  # rounds per munition held for reloading; keeps counts within int64


def compile_forces(scenario: Scenario, catalogue: Catalogue, locator: Locator,
                   reserve: dict[str, set[str]]) -> tuple[SensorTable, UnitTable, WeaponTable]:
    """Sensor, unit and weapon tables; ``reserve`` maps munition key -> classes it may engage."""
    file = locator.file
    rows = []
    for i, site in enumerate(scenario.sensors):
        kind = sensor_type(catalogue, site.type, file=file, path=f"sensors[{i}].type")
        x, y = locator.xy(site.lat, site.lon, f"sensors[{i}]")
        height = site.antenna_height_m if site.antenna_height_m is not None else kind.antenna_height
        rows.append(SensorRow(site.name, kind, x, y, height))
    check_unique([r.name for r in rows], "sensors", file)
    units, weapons = [], []
    for i, unit in enumerate(scenario.fire_units):
        effector = _effector(catalogue, unit.type, file, f"fire_units[{i}].type")
        x, y = locator.xy(unit.lat, unit.lon, f"fire_units[{i}]")
        own = -1
        if effector.radar:
            radar = sensor_type(catalogue, effector.radar, file=file, path=f"catalogue.effectors.{effector.key}.radar")
            own = len(rows)
            rows.append(SensorRow(f"{unit.name}/radar", radar, x, y, radar.antenna_height))
        linked = scenario.network.linked if unit.linked is None else unit.linked
        units.append((unit.name, effector, x, y, linked, own, unit.known_to_attacker))
        weapons.extend(_weapon_rows(i, unit, effector, reserve, file))
    check_unique([u[0] for u in units], "fire_units", file)
    return sensor_table(rows), _unit_table(units), _weapon_table(weapons)


def _effector(catalogue: Catalogue, key: str, file: str | None, path: str) -> EffectorType:
    if key not in catalogue.effectors:
        raise unknown_name("effector type", key, catalogue.effectors, file=file, path=path)
    return catalogue.effectors[key]


def _weapon_rows(index: int, unit, effector: EffectorType, reserve: dict[str, set[str]],
                 file: str | None) -> list[tuple]:
    """(unit index, munition, stock, magazine, allowed classes, load) per munition of the unit; the
    load [rounds] is what one reload puts on the launchers: the unit's stock of the munition, or
    its share of the launchers when the unit starts empty."""
    path = f"fire_units[{index}]"
    keys = [m.key for m in effector.munitions]
    stock = unit.stock if unit.stock is not None else _default_stock(effector)
    for table, label in ((stock, "stock"), (unit.magazine, "magazine")):
        for key in table:
            if key not in keys:
                raise unknown_name(f"munition of {effector.key}", key, keys, file=file, path=f"{path}.{label}.{key}")
    for key, rounds in unit.magazine.items():
        if rounds > MAX_MAGAZINE_ROUNDS:
            raise InputError(f"magazine of {rounds} rounds", file=file, path=f"{path}.magazine.{key}",
                             expected=f"at most {MAX_MAGAZINE_ROUNDS:,} rounds per munition")
    loaded = sum(stock.values())
    if loaded > effector.capacity:
        raise InputError(f"stock of {loaded} rounds is more than a {effector.key} can hold", file=file,
                         path=f"{path}.stock", expected=f"at most {effector.launchers} launchers x "
                         f"{effector.rounds_per_launcher} rounds = {effector.capacity}")
    if loaded + sum(unit.magazine.values()) == 0:
        raise InputError("the unit has no rounds and nothing to reload", file=file, path=f"{path}.stock",
                         expected="at least one round in stock or magazine")
    rows = []
    share = _default_stock(effector)
    for munition in effector.munitions:
        rounds, spare = stock.get(munition.key, 0), unit.magazine.get(munition.key, 0)
        if rounds + spare > 0:
            allowed = reserve.get(munition.key, set(THREAT_CLASSES))
            rows.append((index, munition, rounds, spare, allowed, rounds if rounds > 0 else max(share[munition.key], 1)))
    return rows


def _default_stock(effector: EffectorType) -> dict[str, int]:
    share, extra = divmod(effector.capacity, len(effector.munitions))
    return {m.key: share + (1 if i < extra else 0) for i, m in enumerate(effector.munitions)}


def _unit_table(units: list[tuple]) -> UnitTable:
    n = len(units)
    return UnitTable(
        name=tuple(u[0] for u in units), type_key=tuple(u[1].key for u in units),
        x=np.array([u[2] for u in units], float).reshape(n), y=np.array([u[3] for u in units], float).reshape(n),
        fire_channels=np.array([u[1].fire_channels for u in units], int).reshape(n),
        reaction=np.array([u[1].reaction for u in units], float).reshape(n),
        reload=np.array([u[1].reload for u in units], float).reshape(n),
        linked=np.array([u[4] for u in units], bool).reshape(n),
        own_sensor=np.array([u[5] for u in units], int).reshape(n),
        system_cost=np.array([u[1].system_cost_usd for u in units], float).reshape(n),
        known=np.array([u[6] for u in units], bool).reshape(n))


def _weapon_table(rows: list[tuple]) -> WeaponTable:
    n = len(rows)

    def col(get, dtype=float) -> np.ndarray:
        return np.array([get(r) for r in rows], dtype=dtype).reshape(n)

    pk = np.array([[r[1].pk_against(c) for c in THREAT_CLASSES] for r in rows], float).reshape(n, len(THREAT_CLASSES))
    allowed = np.array([[c in r[4] for c in THREAT_CLASSES] for r in rows], bool).reshape(pk.shape) & (pk > 0)
    return WeaponTable(
        unit=col(lambda r: r[0], int), munition=tuple(r[1].key for r in rows),
        range_min=col(lambda r: r[1].range_min), range_max=col(lambda r: r[1].range_max),
        alt_min=col(lambda r: r[1].altitude_min), alt_max=col(lambda r: r[1].altitude_max),
        max_target_speed=col(lambda r: r[1].max_target_speed), speed=col(lambda r: r[1].speed),
        cost=col(lambda r: r[1].cost_per_shot_usd), pk=pk, allowed=allowed,
        stock=col(lambda r: r[2], int), magazine=col(lambda r: r[3], int), load=col(lambda r: r[5], int))


def compile_ew(scenario: Scenario, catalogue: Catalogue, locator: Locator) -> EwTable:
    """The EW zone table."""
    names, xs, ys, radii, losses = [], [], [], [], []
    for i, zone in enumerate(scenario.ew_zones):
        if zone.type not in catalogue.ew:
            raise unknown_name("EW type", zone.type, catalogue.ew, file=locator.file, path=f"ew_zones[{i}].type")
        kind = catalogue.ew[zone.type]
        x, y = locator.xy(zone.lat, zone.lon, f"ew_zones[{i}]")
        names.append(zone.name)
        xs.append(x)
        ys.append(y)
        radii.append(zone.radius_km * 1000.0 if zone.radius_km is not None else kind.radius)
        losses.append([kind.p_loss.get(c, 0.0) for c in THREAT_CLASSES])
    check_unique(names, "ew_zones", locator.file)
    n = len(names)
    return EwTable(tuple(names), np.array(xs, float).reshape(n), np.array(ys, float).reshape(n),
                   np.array(radii, float).reshape(n), np.array(losses, float).reshape(n, len(THREAT_CLASSES)))
