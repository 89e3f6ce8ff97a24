"""Compile the carriers of a raid: the aircraft that bring a wave's weapons, checked for what they
carry, where their base is and whether they can fly there and back."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from airshield.catalogue import Catalogue, ThreatType
from airshield.catalogue.types import Loadout
from airshield.errors import InputError, unknown_name
from airshield.scenario.raid import Wave
from airshield.vocabulary import CARRIER, GLIDE_BOMB
from airshield.world.locate import Locator
from airshield.world.tables import CarrierTable

NO_CARRIER = (-1, 0.0, 0.0, 0, 0.0, 0.0, 0.0, 0.0)  # a CarrierTable row of a ground-launched wave


@dataclass(frozen=True)
class CarrierRow:
    """The resolved carrier of one wave: its type, loadout and base [m]."""

    kind: ThreatType
    loadout: Loadout
    base_x: float
    base_y: float


def resolve_carrier(wave: Wave, weapon: ThreatType, catalogue: Catalogue, locator: Locator, path: str,
                    find_place) -> CarrierRow | None:
    """The carrier of ``wave`` (None if launched from the ground); ``find_place(spec, path)`` gives
    the (x, y) [m] of a named place or point. Glide bombs need a carrier."""
    if wave.carrier is None:
        if weapon.threat_class == GLIDE_BOMB:
            raise InputError(f"{weapon.key} is a glide bomb: it needs a carrier", file=locator.file,
                             path=f"{path}.carrier", expected="{type: <aircraft type>, base: <air base>}")
        return None
    sub = f"{path}.carrier"
    aircraft = [k for k, t in catalogue.threats.items() if t.threat_class == CARRIER]
    kind = catalogue.threats.get(wave.carrier.type)
    if kind is None or kind.threat_class != CARRIER:
        raise unknown_name("aircraft type", wave.carrier.type, aircraft, file=locator.file, path=f"{sub}.type")
    loadout = kind.loadout(weapon.key)
    if loadout is None:
        carried = ", ".join(w.key for w in kind.weapons) or "nothing"
        able = ", ".join(k for k in aircraft if catalogue.threats[k].loadout(weapon.key)) or "none in the catalogue"
        raise InputError(f"{kind.key} does not carry {weapon.key} (it carries {carried})", file=locator.file,
                         path=f"{sub}.type", expected=f"an aircraft type that carries {weapon.key}: {able}")
    x, y = find_place(wave.carrier.base, f"{sub}.base")
    return CarrierRow(kind, loadout, x, y)


def check_sortie_reach(row: CarrierRow, area_x: float, area_y: float, file: str | None, path: str) -> None:
    """The carrier can fly from its base to the wave's launch area and back."""
    there_and_back = 2.0 * float(np.hypot(area_x - row.base_x, area_y - row.base_y))
    if there_and_back > row.kind.range:
        raise InputError(
            f"{row.kind.key} (range {row.kind.range / 1000:.0f} km) cannot fly from its base to the launch area "
            f"and back ({there_and_back / 1000:.0f} km)", file=file, path=f"{path}.carrier.base",
            expected="a base within half the aircraft's range of the launch area")


def carrier_table(rows: list[tuple]) -> CarrierTable:
    """The CarrierTable of per-wave tuples (type row, base x, base y, per sortie, release min,
    release max, release altitude, standoff), :data:`NO_CARRIER` for ground-launched waves."""
    n = len(rows)

    def col(k, dtype=float) -> np.ndarray:
        return np.array([r[k] for r in rows], dtype=dtype).reshape(n)

    return CarrierTable(type_index=col(0, int), base_x=col(1), base_y=col(2), per_sortie=col(3, int),
                        release_min=col(4), release_max=col(5), release_alt=col(6), standoff=col(7))
