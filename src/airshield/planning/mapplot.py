"""Maps of laydowns: assets, candidate sites and named laydowns (the optimised one and the baselines, or
the robust one and the nominal one)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

MARKERS = "o^sDvP*Xhp"
LOOKS = ("filled", "hollow", "cross")


def plot_placement(path: Path, *, world, sites, optimised: list[dict], proportional: list[dict],
                   scenario_units: list[dict], types: list[str], title: str) -> Path:
    """Write a PNG map (lon/lat axes) of a placement and its baselines; return its path."""
    laydowns = {"optimised": optimised, "value-proportional": proportional, "scenario's own (+ extra)": scenario_units}
    return save_figure(path, lambda ax: draw_laydowns(ax, world, sites, laydowns, types, title), size=(9, 8))


def save_figure(path: Path, *drawers, size=(9, 8)) -> Path:
    """Draw each of ``drawers`` (functions of an axes) on its own panel and save a PNG."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, len(drawers), figsize=size, dpi=110, squeeze=False)
    for ax, draw in zip(axes[0], drawers):
        draw(ax)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
    return path


def draw_assets(ax, world) -> tuple[np.ndarray, np.ndarray]:
    """Assets as discs (area ~ value) with their names; returns their (lat, lon) [deg]."""
    lat, lon = (np.atleast_1d(v) for v in world.projection.to_latlon(world.assets.x, world.assets.y))
    size = 30 + 600 * np.sqrt(world.assets.value / max(world.assets.value.max(), 1e-9))
    ax.scatter(lon, lat, s=size, c="#f4c7a1", edgecolors="#b05a1a", alpha=0.6, label="assets (area ~ value)", zorder=1)
    for name, x, y in zip(world.assets.name, lon, lat):
        ax.annotate(name, (x, y), fontsize=6, color="#7a3a0a", xytext=(3, 3), textcoords="offset points")
    return lat, lon


def draw_laydowns(ax, world, sites, laydowns: dict[str, list[dict]], types: list[str], title: str) -> None:
    """Assets, candidate sites and up to three named laydowns (filled, hollow and cross markers)."""
    import matplotlib.pyplot as plt
    lat, _ = draw_assets(ax, world)
    ax.scatter(sites.lon, sites.lat, s=6, c="#bbbbbb", label="candidate sites", zorder=2)
    colors = plt.get_cmap("tab10")
    for k, t in enumerate(types):
        mark = MARKERS[k % len(MARKERS)]
        for (label, units), look in zip(laydowns.items(), LOOKS):
            pts = [(u["lon"], u["lat"]) for u in units if u["type"] == t]
            if not pts:
                continue
            if look == "filled":
                ax.scatter(*zip(*pts), s=70, marker=mark, c=[colors(k)], edgecolors="black", label=f"{label} {t}", zorder=4)
            elif look == "hollow":
                ax.scatter(*zip(*pts), s=110, marker=mark, facecolors="none", edgecolors=[colors(k)], linewidths=1.2,
                           label=f"{label} {t}", zorder=3)
            else:
                ax.scatter(*zip(*pts), s=40, marker="x", c=[colors(k)], label=f"{label} {t}", zorder=3)
    finish(ax, title, lat)


def finish(ax, title: str, lat: np.ndarray) -> None:
    """Axis labels, title, equal-distance aspect at the mean latitude, legend and grid."""
    ax.set_xlabel("longitude [deg]")
    ax.set_ylabel("latitude [deg]")
    ax.set_title(title, fontsize=9)
    ax.set_aspect(1 / np.cos(np.radians(float(np.mean(lat)))))
    ax.legend(fontsize=6, loc="best")
    ax.grid(alpha=0.3)
