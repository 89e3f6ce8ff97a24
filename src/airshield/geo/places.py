"""Look up a named place (city, power plant or launch area) case-insensitively."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from airshield.errors import unknown_name
from airshield.geo.launch_areas import launch_areas
from airshield.geo.tables import cities, power_plants

PLACE_KINDS = ("city", "plant", "launch_area")


@dataclass(frozen=True)
class Place:
    """A named point: ``lat``, ``lon`` [deg]; ``population`` for cities, ``capacity_mw`` [MW] for plants."""

    name: str
    kind: str
    lat: float
    lon: float
    population: int | None = None
    capacity_mw: float | None = None


@lru_cache(maxsize=None)
def _candidates(kind: str) -> tuple[tuple[tuple[str, ...], Place], ...]:
    """(names that match, place) pairs of one kind, in table order (read-only, cached)."""
    if kind == "city":
        return tuple(((r.name,), Place(r.name, kind, r.lat, r.lon, population=int(r.population)))
                     for r in cities(min_population=0).itertuples())
    if kind == "plant":
        return tuple(((r.name,), Place(r.name, kind, r.lat, r.lon, capacity_mw=float(r.capacity_mw)))
                     for r in power_plants().itertuples())
    if kind == "launch_area":
        return tuple(((r.key, r.name, *r.aliases), Place(r.name, kind, r.lat, r.lon))
                     for r in launch_areas().itertuples())
    raise unknown_name("place kind", kind, PLACE_KINDS)


def find_place(name: str, kinds: tuple[str, ...] = PLACE_KINDS) -> Place:
    """The first place of ``kinds`` (searched in that order) whose name, key or alias is ``name``.

    Matching ignores case and surrounding spaces. Raises :class:`airshield.errors.InputError`
    with a "did you mean" hint when nothing matches.
    """
    wanted = name.strip().casefold()
    every: list[str] = []
    for kind in kinds:
        for names, place in _candidates(kind):
            if any(n.casefold() == wanted for n in names):
                return place
            every.extend(names)
    raise unknown_name("place", name, set(every))
