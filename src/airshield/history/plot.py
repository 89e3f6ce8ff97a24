"""A PNG of a summary table: launched per period stacked by class, and neutralised share per class."""

from __future__ import annotations

from os import PathLike

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


def plot_summary(table: pd.DataFrame, path: str | PathLike) -> str:
    """Save a two-panel PNG of ``table`` (from :func:`summarise`) to ``path``; return the path.

    Top: launched [weapons] per period, stacked by threat class. Bottom: neutralised share
    ((destroyed + ew_lost) / launched) per period and class.
    """
    launched = table.pivot_table(index="period", columns="threat_class", values="launched",
                                 aggfunc="sum", fill_value=0)
    share = table.pivot_table(index="period", columns="threat_class", values="neutralised_share")
    fig = Figure(figsize=(max(8.0, 0.25 * len(launched)), 8), constrained_layout=True)
    FigureCanvasAgg(fig)
    top, bottom = fig.subplots(2, 1, sharex=True)
    launched.plot.bar(stacked=True, ax=top, width=0.85)
    top.set_ylabel("launched [weapons]")
    top.set_title("Launched per period by threat class (national reports; defender's claims)")
    share.reindex(launched.index).plot(ax=bottom, marker="o", use_index=False)
    bottom.set_xticks(range(len(launched.index)), launched.index, rotation=90)
    bottom.set_ylim(0, 1.05)
    bottom.set_ylabel("neutralised share")
    bottom.set_xlabel("period")
    fig.savefig(path, dpi=100)
    return str(path)
