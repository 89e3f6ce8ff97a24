"""Compile the raid: the threat types it uses and its waves, checked for reachability."""

from __future__ import annotations

import numpy as np

from airshield.catalogue import Catalogue, ThreatType
from airshield.errors import InputError, unknown_name
from airshield.geo import launch_areas
from airshield.scenario.raid import Wave
from airshield.scenario.schema import Scenario
from airshield.world.locate import Locator
from airshield.vocabulary import AIR_LAUNCHED, ARC_CLASSES, CARRIER, DECOY, IMITATED, THREAT_CLASSES, class_index
from airshield.world.compile_carriers import NO_CARRIER, carrier_table, check_sortie_reach, resolve_carrier
from airshield.world.tables import AssetTable, ThreatTypeTable, WaveTable


def compile_raid(scenario: Scenario, catalogue: Catalogue, locator: Locator,
                 assets: AssetTable) -> tuple[ThreatTypeTable, WaveTable]:
    """The threat-type and wave tables; every wave's threats must be able to reach a target."""
    used: list[ThreatType] = []
    rows, carriers = [], []
    areas = launch_areas()
    bases = areas.sort_values("kind", key=lambda k: k != "airfield", kind="stable")  # air bases first

    def base_xy(spec, path: str) -> tuple[float, float]:
        x, y, _, _ = _place(spec, bases, locator, path, "air base")
        return x, y

    for i, wave in enumerate(scenario.raid.waves):
        path = f"raid.waves[{i}]"
        if wave.threat not in catalogue.threats:
            raise unknown_name("threat type", wave.threat, catalogue.threats, file=locator.file, path=f"{path}.threat")
        kind = catalogue.threats[wave.threat]
        if kind.threat_class == CARRIER:
            raise InputError(f"{kind.key} is an aircraft: it carries a wave's weapons", file=locator.file,
                             path=f"{path}.threat", expected=f"a weapon it carries ({', '.join(w.key for w in kind.weapons)}) "
                             f"with carrier: {{type: {kind.key}, base: ...}}")
        _use(used, kind)
        x, y, spread, area_name = launch_point(wave.launch, areas, locator, f"{path}.launch")
        targets = _targets(wave, assets, locator.file, path)
        carrier = resolve_carrier(wave, kind, catalogue, locator, path, base_xy)
        if carrier is None:
            _check_reach(kind, x, y, assets, targets, locator.file, path)
            carriers.append(NO_CARRIER)
        else:
            check_sortie_reach(carrier, x, y, locator.file, path)
            _use(used, carrier.kind)
            load = carrier.loadout
            carriers.append((used.index(carrier.kind), carrier.base_x, carrier.base_y, load.per_sortie,
                             load.release_range_min, load.release_range_max, load.release_altitude,
                             scenario.raid.standoff_km * 1000.0))
        dogleg = (wave.route or kind.route) == "dogleg"
        name = wave.name or f"{kind.key} from {area_name}"
        rows.append((name, used.index(kind), wave.count, x, y, spread, wave.start_min * 60.0,
                     wave.duration_min * 60.0, targets, wave.target_choice, dogleg))
    return _type_table(used, catalogue), _wave_table(rows, carrier_table(carriers))


def _use(used: list[ThreatType], kind: ThreatType) -> None:
    if kind not in used:
        used.append(kind)


def launch_point(launch, areas, locator: Locator, path: str) -> tuple[float, float, float, str]:
    """``(x, y, spread, label)`` [m, m, m, -] of a named launch area (label: its key) or a custom point."""
    return _place(launch, areas, locator, path, "launch area")


def _place(spec, areas, locator: Locator, path: str, noun: str) -> tuple[float, float, float, str]:
    """(x, y, spread [m], label) of a named place of ``areas`` or a {lat, lon, radius_km} point."""
    if not isinstance(spec, str):
        x, y = locator.xy(spec.lat, spec.lon, path)
        return x, y, spec.radius_km * 1000.0, f"({spec.lat:.2f}, {spec.lon:.2f})"
    wanted = spec.strip().casefold()
    for row in areas.itertuples():
        if wanted in {n.casefold() for n in (row.key, row.name, *row.aliases)}:
            x, y = locator.xy(row.lat, row.lon, path)
            return x, y, row.radius_km * 1000.0, row.key
    raise unknown_name(noun, spec, list(areas.key), file=locator.file, path=path)


def _targets(wave: Wave, assets: AssetTable, file: str | None, path: str) -> np.ndarray:
    if wave.targets is None:
        return np.arange(len(assets.name))
    if not wave.targets:
        raise InputError("empty target list", file=file, path=f"{path}.targets",
                         expected="asset names, or omit the field to aim at every asset")
    index = {name: i for i, name in enumerate(assets.name)}
    rows = []
    for j, name in enumerate(wave.targets):
        if name not in index:
            raise unknown_name("asset", name, assets.name, file=file, path=f"{path}.targets[{j}]")
        rows.append(index[name])
    return np.array(rows, dtype=int)


def _check_reach(kind: ThreatType, x: float, y: float, assets: AssetTable, targets: np.ndarray,
                 file: str | None, path: str) -> None:
    distance = np.hypot(assets.x[targets] - x, assets.y[targets] - y)
    reachable = distance <= kind.range
    if not reachable.any():
        nearest = int(targets[np.argmin(distance)])
        raise InputError(
            f"{kind.key} (range {kind.range / 1000:.0f} km) can never reach its targets: the nearest, "
            f"'{assets.name[nearest]}', is {distance.min() / 1000:.0f} km from the launch area",
            file=file, path=f"{path}.launch", expected="a launch area within range of at least one target")


def _type_table(used: list[ThreatType], catalogue: Catalogue) -> ThreatTypeTable:
    drones = [t for t in catalogue.threats.values() if t.threat_class == IMITATED]
    average = {"unit_cost_usd": float(np.mean([t.unit_cost_usd for t in drones])) if drones else 0.0,
               "lethal_radius": float(np.mean([t.lethal_radius for t in drones])) if drones else 0.0}

    def col(get, dtype=float) -> np.ndarray:
        return np.array([get(t) for t in used], dtype=dtype)

    def perceived(t: ThreatType, attr: str) -> float:
        """What C2 takes the type's ``attr`` to be: a decoy's is its imitated type's (or an average
        drone's), never below its own."""
        if t.threat_class != DECOY:
            return getattr(t, attr)
        imitation = getattr(catalogue.threats[t.imitates], attr) if t.imitates else average[attr]
        return max(getattr(t, attr), imitation)

    def lethal(t: ThreatType) -> float:
        """What C2 takes the lethal radius [m] to be: an aircraft's is its deadliest weapon's."""
        if t.threat_class == CARRIER:
            return max((catalogue.threats[w.key].lethal_radius for w in t.weapons), default=0.0)
        return perceived(t, "lethal_radius")

    def seen_class(t: ThreatType) -> int:
        if t.threat_class != DECOY:
            return class_index(t.threat_class)
        return class_index(catalogue.threats[t.imitates].threat_class if t.imitates else IMITATED)

    return ThreatTypeTable(
        key=tuple(t.key for t in used),
        class_index=col(lambda t: THREAT_CLASSES.index(t.threat_class), int),
        perceived_class=col(seen_class, int),
        speed=col(lambda t: t.speed), altitude=col(lambda t: t.cruise_altitude),
        altitude_spread=col(lambda t: t.altitude_spread), range=col(lambda t: t.range), rcs=col(lambda t: t.rcs),
        failure_rate=col(lambda t: t.failure_rate), cep=col(lambda t: t.cep),
        lethal_radius=col(lambda t: t.lethal_radius),
        perceived_lethal_radius=col(lethal),
        unit_cost=col(lambda t: t.unit_cost_usd),
        perceived_cost=col(lambda t: perceived(t, "unit_cost_usd")),
        ew_susceptible=col(lambda t: t.ew_susceptible, bool),
        arc=col(lambda t: t.threat_class in ARC_CLASSES, bool),
        air_launched=col(lambda t: t.threat_class in AIR_LAUNCHED, bool),
        carrier=col(lambda t: t.threat_class == CARRIER, bool),
        harmless=col(lambda t: t.threat_class == DECOY or t.warhead_kg <= 0, bool))


def _wave_table(rows: list[tuple], carriers) -> WaveTable:
    def col(k, dtype=float) -> np.ndarray:
        return np.array([r[k] for r in rows], dtype=dtype)

    return WaveTable(name=tuple(r[0] for r in rows), type_index=col(1, int), count=col(2, int), x=col(3),
                     y=col(4), spread=col(5), start=col(6), duration=col(7),
                     targets=tuple(r[8] for r in rows), choice=tuple(r[9] for r in rows), dogleg=col(10, bool),
                     carriers=carriers)
