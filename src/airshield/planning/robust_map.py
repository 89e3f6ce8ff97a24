"""The map of a robust placement: the robust and nominal laydowns, and the worst raid against each."""

from __future__ import annotations

from pathlib import Path

from airshield.planning.attack.mapplot import draw_raids
from airshield.planning.mapplot import draw_laydowns, save_figure


def plot_robust(path: Path, *, problem, theatre, state, result) -> Path:
    """Two panels: the laydowns (robust filled, nominal hollow) and the worst raid of each (lines, over the
    robust laydown's fire units)."""
    worst = result.comparison["worst"]
    raids = {f"worst vs robust ({worst['robust']['mean']:.3g})": state.raids[worst["robust"]["raid"]],
             f"worst vs nominal ({worst['nominal']['mean']:.3g})": state.raids[worst["nominal"]["raid"]]}
    if worst["robust"]["raid"] == worst["nominal"]["raid"]:
        raids = {f"worst vs both ({worst['robust']['mean']:.3g} robust, {worst['nominal']['mean']:.3g} nominal)":
                 state.raids[worst["robust"]["raid"]]}
    robust = problem.placed(problem.pairs(state.models[0], state.laydowns[state.best()]), "rob")
    nominal = problem.placed(problem.pairs(state.models[0], state.laydowns[0]), "nom")
    name = problem.world.name
    return save_figure(
        path,
        lambda ax: draw_laydowns(ax, problem.world, problem.sites, {"robust": robust, "nominal": nominal},
                                 problem.types, f"{name}: robust vs nominal placement of {problem.counts}"),
        lambda ax: draw_raids(ax, problem.world, theatre.space, raids,
                              f"{name}: the worst raid found against each laydown", units=result.laydown),
        size=(18, 8))
