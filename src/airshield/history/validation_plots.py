"""Validation outputs: the per-raid table, the scores as JSON, and two plots."""

from __future__ import annotations

import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from airshield.history.predict import GROUPS  # noqa: E402
from airshield.history.validate import Validation  # noqa: E402


def write_validation(result: Validation, folder: Path, payload: dict) -> list[Path]:
    """Write ``validation.csv``, ``validation.json``, ``predicted_vs_reported.png``, ``raid_size.png``."""
    folder.mkdir(parents=True, exist_ok=True)
    result.rows.to_csv(folder / "validation.csv", index=False)
    (folder / "validation.json").write_text(json.dumps(payload, indent=2, default=str))
    plot_scatter(result, folder / "predicted_vs_reported.png")
    plot_raid_size(result, folder / "raid_size.png")
    return [folder / n for n in ("validation.csv", "validation.json", "predicted_vs_reported.png", "raid_size.png")]


def plot_scatter(result: Validation, path: Path) -> None:
    """Predicted (with 90 % interval) against reported neutralised share, one panel per group."""
    rows = result.rows
    fig, axes = plt.subplots(1, len(GROUPS), figsize=(12, 4), sharey=True)
    for ax, group in zip(axes, GROUPS):
        table = rows[rows["group"] == group] if len(rows) else rows
        if len(table):
            low = table["pred_neutralised"] - table["pred_neutralised_p05"]
            high = table["pred_neutralised_p95"] - table["pred_neutralised"]
            ax.errorbar(table["rep_neutralised"], table["pred_neutralised"], yerr=[low.clip(lower=0), high.clip(lower=0)],
                        fmt="o", ms=3, alpha=0.6, label="model (90% interval)")
            ax.scatter(table["rep_neutralised"], table["base_trailing_neutralised"], s=8, marker="x", label="trailing 90-day mean")
        ax.plot([0, 1], [0, 1], color="grey", lw=0.8)
        ax.set_title(group)
        ax.set_xlabel("reported neutralised share")
        ax.set_xlim(-0.02, 1.02)
        ax.set_ylim(-0.02, 1.02)
    axes[0].set_ylabel("predicted neutralised share")
    axes[0].legend(fontsize=7)
    save(fig, path)


def plot_raid_size(result: Validation, path: Path) -> None:
    """Destroyed and EW-lost shares against raid size (launched per group), records and model."""
    rows = result.rows
    fig, axes = plt.subplots(1, 2, figsize=(11, 4), sharex=True)
    for ax, share in zip(axes, ("destroyed", "ew_lost")):
        for group in GROUPS:
            table = rows[rows["group"] == group] if len(rows) else rows
            if len(table):
                ax.scatter(table["launched"], table[f"rep_{share}"], s=10, alpha=0.6, label=f"{group}: records")
                ax.scatter(table["launched"], table[f"pred_{share}"], s=10, marker="^", alpha=0.6, label=f"{group}: model")
        ax.set_xscale("log")
        ax.set_xlabel("launched in the raid (per group)")
        ax.set_ylabel(f"{share} share")
        ax.set_ylim(-0.02, 1.02)
    axes[0].legend(fontsize=7)
    save(fig, path)


def save(fig, path: Path) -> None:
    """Lay out, write (110 dpi) and close a figure."""
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
