"""Replay: a raid of the records as a scenario against a defence laydown, simulated and compared.

The laydown (assets, sensors, fire units, EW, doctrine) comes from a base scenario (default the
built-in national one); the raid's waves come from its :class:`RaidSpec`. A group row such as
"X-101/X-555" is split evenly among its catalogue types, and each row evenly among its matched
launch areas (type defaults where the text names none); each wave aims at the assets in the named
target regions, else at every asset within the type's range.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from airshield.catalogue import load_catalogue
from airshield.geo import launch_areas, oblast_of
from airshield.history.params import GROUP_OF_CLASS, ReplayParams
from airshield.history.spec import RaidSpec
from airshield.scenario import compose
from airshield.scenario.merge import merge_documents
from airshield.world import World, compile_world

DEFAULT_AREAS = {"shahed-136": ("kursk", "primorsko-akhtarsk"), "shahed-131": ("kursk",), "gerbera": ("kursk",),
                 "geran-3": ("kursk",), "kh-101": ("engels-bombers",), "kh-555": ("engels-bombers",),
                 "kalibr": ("black-sea",), "kh-59": ("sea-of-azov",), "kh-22": ("kursk-bombers",),
                 "iskander-m": ("belgorod",), "kn-23": ("belgorod",), "iskander-k": ("belgorod",),
                 "kinzhal": ("voronezh",), "s-300-ground": ("belgorod",)}
DRONE_TYPES = ("shahed-136", "shahed-131")


@dataclass(frozen=True)
class Laydown:
    """The base scenario's document without its raid, its World, and each asset's oblast (ISO)."""

    document: dict
    world: World
    asset_oblast: np.ndarray


def load_laydown(source: str = "ukraine-national") -> Laydown:
    """The defence laydown of a built-in scenario or file, used for every replayed raid."""
    composed = compose(source)
    world = build_world(composed.document, composed.label)
    lat, lon = world.projection.to_latlon(world.assets.x, world.assets.y)
    return Laydown(composed.document, world, oblast_of(lat, lon))


def replay_document(spec: RaidSpec, laydown: Laydown, params: ReplayParams) -> dict:
    """A scenario document: the laydown against the raid ``spec`` with ``params`` applied."""
    document = dict(laydown.document)
    catalogue = load_catalogue(document.get("catalogue") or None)
    document["name"] = f"replay-{spec.id}"
    document["description"] = f"Replay of raid {spec.id} from the Air Force records against {laydown.world.name}"
    overrides = params.catalogue_overrides(catalogue)
    document["catalogue"] = merge_documents(document.get("catalogue") or {}, overrides, file=document["name"])
    document["raid"] = {"name": f"raid {spec.id}", "waves": _waves(spec, laydown, params, catalogue)}
    return document


def _waves(spec: RaidSpec, laydown: Laydown, params: ReplayParams, catalogue) -> list[dict]:
    waves = []
    drone_window = min(spec.hours * 0.6, 8.0) * 60.0
    for row in spec.rows:
        for key, count in _split_types(row, params):
            for area, n in _split_areas(key, row.launch_areas, count):
                targets = _targets(key, area, row.regions, laydown, catalogue)
                if n <= 0 or not targets:
                    continue
                early = GROUP_OF_CLASS.get(catalogue.threats[key].threat_class) == "drone"
                waves.append({"threat": key, "count": n, "launch": area,
                              "start_min": 0.0 if early else drone_window * 0.6,
                              "duration_min": drone_window if early else 30.0, "targets": targets})
    return waves


def _split_types(row, params: ReplayParams) -> list[tuple[str, int]]:
    keys = list(row.threat_keys)
    counts = _even(row.count, len(keys))
    pairs = list(zip(keys, counts))
    if set(keys) <= set(DRONE_TYPES) and params.decoy_share > 0:
        decoys = int(round(row.count * params.decoy_share))
        pairs = [(k, c) for k, c in zip(keys, _even(row.count - decoys, len(keys)))] + [("gerbera", decoys)]
    return pairs


def _split_areas(key: str, named: tuple[str, ...], count: int) -> list[tuple[str, int]]:
    areas = named or DEFAULT_AREAS.get(key, ("kursk",))
    return list(zip(areas, _even(count, len(areas))))


def _even(total: int, parts: int) -> list[int]:
    share, extra = divmod(total, parts)
    return [share + (1 if i < extra else 0) for i in range(parts)]


def _targets(key: str, area: str, regions: tuple[str, ...], laydown: Laydown, catalogue) -> list[str]:
    """Asset names the wave may aim at: in the named regions if any, within the type's range."""
    world = laydown.world
    row = launch_areas().set_index("key").loc[area]
    x, y = world.projection.to_xy(row.lat, row.lon)
    reach = np.hypot(world.assets.x - x, world.assets.y - y) <= catalogue.threats[key].range
    chosen = reach & np.isin(laydown.asset_oblast, regions) if regions else reach
    if regions and not chosen.any():
        chosen = reach
    return [name for name, keep in zip(world.assets.name, chosen) if keep]


def replay_world(spec: RaidSpec, laydown: Laydown, params: ReplayParams) -> World:
    """The compiled World of a replayed raid."""
    return build_world(replay_document(spec, laydown, params), f"replay of {spec.id}")


def build_world(document: dict, label: str) -> World:
    """The one place where history turns a scenario document into a World (``label`` names it in errors)."""
    return compile_world(compose(document, file=label))


def shares_by_group(by_threat: dict[str, dict[str, float]], catalogue) -> pd.DataFrame:
    """Simulated launched, destroyed, ew_lost per class group (drone, cruise, ballistic) [-]."""
    rows = []
    for key, counts in by_threat.items():
        group = GROUP_OF_CLASS.get(catalogue.threats[key].threat_class)
        rows.append({"group": group, **{k: counts[k] for k in ("launched", "destroyed", "ew_lost")}})
    table = pd.DataFrame(rows).groupby("group").sum() if rows else pd.DataFrame(columns=["launched", "destroyed", "ew_lost"])
    return table
