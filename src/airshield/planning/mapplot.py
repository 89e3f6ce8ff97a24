"""A map of a placement: assets, candidate sites, the optimised laydown and the baselines."""

from __future__ import annotations

from pathlib import Path

import numpy as np

MARKERS = "o^sDvP*Xhp"


def plot_placement(path: Path, *, world, sites, optimised: list[dict], proportional: list[dict],
                   scenario_units: list[dict], types: list[str], title: str) -> Path:
    """Write a PNG map (lon/lat axes) and return its path."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    lat, lon = world.projection.to_latlon(world.assets.x, world.assets.y)
    lat, lon = np.atleast_1d(lat), np.atleast_1d(lon)
    fig, ax = plt.subplots(figsize=(9, 8), dpi=110)
    size = 30 + 600 * np.sqrt(world.assets.value / max(world.assets.value.max(), 1e-9))
    ax.scatter(lon, lat, s=size, c="#f4c7a1", edgecolors="#b05a1a", alpha=0.6, label="assets (area ~ value)", zorder=1)
    for name, x, y in zip(world.assets.name, lon, lat):
        ax.annotate(name, (x, y), fontsize=7, color="#7a3a0a", xytext=(3, 3), textcoords="offset points")
    ax.scatter(sites.lon, sites.lat, s=6, c="#bbbbbb", label="candidate sites", zorder=2)
    colors = plt.get_cmap("tab10")
    for k, t in enumerate(types):
        mark = MARKERS[k % len(MARKERS)]
        pts = [(u["lon"], u["lat"]) for u in optimised if u["type"] == t]
        if pts:
            ax.scatter(*zip(*pts), s=70, marker=mark, c=[colors(k)], edgecolors="black", label=f"optimised {t}", zorder=4)
        pts = [(u["lon"], u["lat"]) for u in proportional if u["type"] == t]
        if pts:
            ax.scatter(*zip(*pts), s=110, marker=mark, facecolors="none", edgecolors=[colors(k)], linewidths=1.2,
                       label=f"value-proportional {t}", zorder=3)
        pts = [(u["lon"], u["lat"]) for u in scenario_units if u["type"] == t]
        if pts:
            ax.scatter(*zip(*pts), s=40, marker="x", c=[colors(k)], label=f"scenario's own {t}", zorder=3)
    ax.set_xlabel("longitude [deg]")
    ax.set_ylabel("latitude [deg]")
    ax.set_title(title, fontsize=10)
    ax.set_aspect(1 / np.cos(np.radians(float(np.mean(lat)))))
    ax.legend(fontsize=7, loc="best")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path
