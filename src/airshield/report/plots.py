"""Report plots with matplotlib (Agg), returned as base64 PNG data URIs: they render offline."""

from __future__ import annotations

import base64
import io

import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from airshield.report.palette import LAYER, categorical

OUTCOMES = (("destroyed", LAYER["kill"]), ("ew_lost", LAYER["ew_loss"]), ("failed", LAYER["failure"]),
            ("leaked", LAYER["impact"]), ("in_flight", LAYER["engage"]))


def _figure(width: float = 6.4, height: float = 3.6, ncols: int = 1):
    """A figure on the Agg canvas (no GUI backend, nothing global switched)."""
    from matplotlib.figure import Figure
    fig = Figure(figsize=(width, height), dpi=100)
    axes = fig.subplots(1, ncols)
    return fig, axes


def _data_uri(fig) -> str:
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def outcome_by_type(summary: dict) -> str:
    """Stacked bars: mean destroyed, EW-lost, failed and leaked threats per threat type."""
    fig, ax = _figure()
    types = list(summary.get("by_threat", {}))
    left = np.zeros(len(types))
    for key, colour in OUTCOMES:
        values = np.array([summary["by_threat"][t].get(key, 0.0) for t in types])
        ax.barh(types, values, left=left, color=colour, label=key.replace("_", " "))
        left += values
    ax.invert_yaxis()
    ax.set_xlabel("threats per raid (mean over replications)")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("Outcome by threat type")
    return _data_uri(fig)


def value_by_asset(summary: dict) -> str:
    """Horizontal bars: mean value lost per asset (largest first, at most 20)."""
    items = sorted(summary.get("value_lost_by_asset", {}).items(), key=lambda kv: -kv[1])[:20]
    fig, ax = _figure(6.4, max(2.4, 0.3 * len(items) + 1))
    ax.barh([k for k, _ in items], [v for _, v in items], color="#d32f2f")
    ax.invert_yaxis()
    ax.set_xlabel("value lost (mean over replications) [value points]")
    ax.set_title("Value lost by asset")
    return _data_uri(fig)


def interceptors_and_cost(summary: dict) -> str:
    """Left: interceptors spent per munition; right: defender cost by munition against attacker cost."""
    fig, (left, right) = _figure(9.0, 3.8, ncols=2)
    rows = summary.get("interceptors", {})
    names = list(rows)
    left.barh(names, [rows[n]["expended"] for n in names], color="#1565c0")
    left.invert_yaxis()
    left.set_xlabel("rounds per raid (mean)")
    left.set_title("Interceptors spent")
    base = 0.0
    colours = categorical(len(names))
    for n, colour in zip(names, colours):
        value = rows[n]["cost_usd"] / 1e6
        right.bar(["defender"], [value], bottom=[base], color=colour, label=n)
        base += value
    right.bar(["attacker"], [summary.get("cost", {}).get("attacker_usd", 0.0) / 1e6], color="#616161")
    right.set_ylabel("USD million per raid (mean)")
    right.set_title("Cost: interceptors vs attacking weapons")
    right.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    return _data_uri(fig)


def value_distribution(metrics: pd.DataFrame) -> str:
    """Histogram of value lost per replication, with its mean."""
    return _data_uri(value_figure(metrics))


def value_figure(metrics: pd.DataFrame):
    """The histogram's figure: replications on an integer axis."""
    fig, ax = _figure()
    values = metrics["value_lost"].to_numpy() if "value_lost" in metrics else np.array([])
    if len(values):
        ax.hist(values, bins=min(30, max(5, len(values) // 3)), color="#ef6c00", edgecolor="white")
        ax.axvline(values.mean(), color="black", linestyle="--", label=f"mean {values.mean():.4g}")
        ax.legend(fontsize=8)
    ax.set_xlabel("value lost in one replication [value points]")
    ax.set_ylabel("replications")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(f"Distribution of value lost over {len(values)} replications")
    return fig
