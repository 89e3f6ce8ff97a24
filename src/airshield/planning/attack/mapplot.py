"""A map of raids: where the threats come from and where they go, over the defence."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from airshield.planning.attack.space import AttackSpace, Lane
from airshield.planning.mapplot import draw_assets, finish, save_figure
from airshield.world import World

STYLES = {"scenario": {"color": "#7f7f7f", "linestyle": "--", "alpha": 0.6},
          "best": {"color": "#c0392b", "linestyle": "-", "alpha": 0.75}}
PALETTE = ({"color": "#c0392b", "linestyle": "-", "alpha": 0.7}, {"color": "#2e86c1", "linestyle": "--", "alpha": 0.7},
           {"color": "#7f7f7f", "linestyle": ":", "alpha": 0.6})


def flows(world: World, space: AttackSpace, n: np.ndarray) -> dict[tuple[int, int], float]:
    """(site, asset) -> threats sent, a lane with several targets split as its target rule splits it."""
    out: dict[tuple[int, int], float] = {}
    for lane, count in zip(space.lanes, n):
        if count <= 0:
            continue
        for asset, share in _shares(world, space, lane).items():
            out[(lane.site, asset)] = out.get((lane.site, asset), 0.0) + count * share
    return out


def _shares(world: World, space: AttackSpace, lane: Lane) -> dict[int, float]:
    names = list(world.assets.name)
    targets = [names.index(t) for t in (lane.wave.get("targets") or names)]
    choice = lane.wave.get("target_choice", "value")
    if choice == "nearest":
        site = space.means.sites[lane.site]
        d = np.hypot(world.assets.x[targets] - site.x, world.assets.y[targets] - site.y)
        return {targets[int(np.argmin(d))]: 1.0}
    weight = world.assets.value[targets] if choice == "value" else np.ones(len(targets))
    weight = weight / weight.sum() if weight.sum() > 0 else np.full(len(targets), 1 / len(targets))
    return {a: float(w) for a, w in zip(targets, weight)}


def plot_raids(path: Path, *, world: World, space: AttackSpace, raids: dict[str, np.ndarray], title: str) -> Path:
    """Write a PNG map (lon/lat axes) of ``raids`` (name -> allocation) and return its path."""
    return save_figure(path, lambda ax: draw_raids(ax, world, space, raids, title), size=(10, 8))


def draw_raids(ax, world: World, space: AttackSpace, raids: dict[str, np.ndarray], title: str,
               units: list[dict] | None = None) -> None:
    """Assets, fire units (``units``, default the World's), launch areas and each raid's flows (line
    width ~ threats)."""
    lat, lon = draw_assets(ax, world)
    if units is None:
        ulat, ulon = world.projection.to_latlon(world.units.x, world.units.y)
    else:
        ulat, ulon = [u["lat"] for u in units], [u["lon"] for u in units]
    ax.scatter(np.atleast_1d(ulon), np.atleast_1d(ulat), s=8, c="#1f4e79", marker="s", label="fire units", zorder=3)
    slat, slon = (np.atleast_1d(v) for v in world.projection.to_latlon(
        np.array([s.x for s in space.means.sites]), np.array([s.y for s in space.means.sites])))
    ax.scatter(slon, slat, s=60, c="black", marker="^", label="launch areas", zorder=4)
    for site, x, y in zip(space.means.sites, slon, slat):
        ax.annotate(site.key, (x, y), fontsize=7, xytext=(3, -9), textcoords="offset points")
    peak = max((max(flows(world, space, n).values(), default=1.0) for n in raids.values()), default=1.0)
    for (name, n), default in zip(raids.items(), PALETTE):
        style = STYLES.get(name, default)
        for k, ((s, a), count) in enumerate(sorted(flows(world, space, n).items())):
            ax.plot([slon[s], lon[a]], [slat[s], lat[a]], zorder=1, linewidth=0.4 + 6.0 * count / peak,
                    label=f"{name} raid (width ~ threats)" if k == 0 else None, **style)
    finish(ax, title, lat)
