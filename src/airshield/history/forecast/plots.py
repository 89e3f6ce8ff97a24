"""Outputs of a rolling validation: the per-raid table, the JSON, and four plots."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from airshield.history.forecast.scores import LEVELS  # noqa: E402
from airshield.history.forecast.summary import FORECASTERS  # noqa: E402
from airshield.history.forecast.validation import RollingValidation  # noqa: E402
from airshield.history.predict import GROUPS  # noqa: E402
from airshield.history.validation_plots import plot_raid_size, plot_scatter, save  # noqa: E402

FILES = ("validation.csv", "validation.json", "predicted_vs_reported.png", "raid_size.png", "calibration.png",
         "over_time.png")


def write_rolling(result: RollingValidation, folder: Path, payload: dict) -> list[Path]:
    """Write the table, the JSON and the plots of ``result`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    result.rows.to_csv(folder / FILES[0], index=False)
    (folder / FILES[1]).write_text(json.dumps(payload, indent=2, default=str))
    plot_scatter(result, folder / FILES[2])
    plot_raid_size(result, folder / FILES[3])
    plot_calibration(result, folder / FILES[4])
    plot_over_time(result, folder / FILES[5])
    return [folder / name for name in FILES]


def plot_calibration(result: RollingValidation, path: Path) -> None:
    """Nominal against observed coverage of central intervals, per group, model and baselines: solid, the
    share of raids inside the interval; dashed, the same under the randomised PIT (not biased upwards by
    the atoms of small raids' shares)."""
    fig, axes = plt.subplots(1, len(GROUPS), figsize=(12, 4), sharey=True)
    for ax, group in zip(axes, GROUPS):
        scores = result.scores.get(group)
        if scores:
            for name in FORECASTERS:
                key = "" if name == "model" else f"{name}_"
                observed = [scores[f"{key}calibration"][f"{level:.2f}"] for level in LEVELS]
                line, = ax.plot(LEVELS, observed, marker="o", ms=3, label=name.replace("_", " "))
                pit = [scores[f"{key}pit_calibration"][f"{level:.2f}"] for level in LEVELS]
                ax.plot(LEVELS, pit, ls="--", lw=0.9, color=line.get_color(), label=f"{name.replace('_', ' ')} (PIT)")
            ax.set_title(f"{group} ({scores['raids']} raids)")
        ax.plot([0, 1], [0, 1], color="grey", lw=0.8)
        ax.set_xlabel("nominal coverage of the central interval")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1.02)
    axes[0].set_ylabel("observed coverage (neutralised share)")
    axes[0].legend(fontsize=7)
    save(fig, path)


def plot_over_time(result: RollingValidation, path: Path) -> None:
    """Reported and predicted neutralised share per raid over time, with the model's 90 % band."""
    rows = result.rows
    fig, axes = plt.subplots(len(GROUPS), 1, figsize=(11, 8), sharex=True)
    for ax, group in zip(axes, GROUPS):
        table = rows[rows["group"] == group].sort_values("start") if len(rows) else rows
        if len(table):
            ax.fill_between(table["start"], table["pred_neutralised_p05"], table["pred_neutralised_p95"],
                            step="mid", alpha=0.25, label="model 90 % interval")
            ax.plot(table["start"], table["pred_neutralised"], lw=0.8, label="model median")
            ax.plot(table["start"], table["base_trailing_neutralised"], lw=0.8, ls="--", label="trailing 90-day mean")
            ax.scatter(table["start"], table["rep_neutralised"], s=np.clip(table["launched"], 4, 60) / 3,
                       color="black", label="reported (size ~ launched)")
        ax.set_ylabel(f"{group}: neutralised")
        ax.set_ylim(-0.02, 1.02)
    axes[0].legend(fontsize=7, ncol=4)
    save(fig, path)
