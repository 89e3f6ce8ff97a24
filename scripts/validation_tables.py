"""Print the Markdown tables of docs/validation.md from a rolling validation's JSON and CSV.

    python scripts/validation_tables.py docs/validation/validation.json > /tmp/tables.md
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from airshield.history.forecast.fit import BOUNDS
from airshield.history.forecast.summary import score_table


def scores_markdown(scores: dict) -> str:
    table = score_table(scores)
    lines = ["| group | forecaster | raids | MAE neutralised | CRPS neutralised | coverage 50 % | coverage 80 % | coverage 90 % | PIT coverage 50 / 80 / 90 % |",
             "|---|---|---|---|---|---|---|---|---|"]
    for r in table.itertuples(index=False):
        lines.append(f"| {r.group} | {r.forecaster.replace('_', ' ')} | {r.raids} | {r.mae:.3f} | {r.crps:.3f} | "
                     f"{r.cov50:.2f} | {r.cov80:.2f} | {r.cov90:.2f} | {r.pit50:.2f} / {r.pit80:.2f} / {r.pit90:.2f} |")
    return "\n".join(lines)


def extra_markdown(scores: dict) -> str:
    lines = ["| group | CRPS per raid (model / mean / trailing) | MAE destroyed (model / mean / trailing) | MAE EW-lost (model) | bias neutralised (model) | MAE simulation alone |",
             "|---|---|---|---|---|---|"]
    for group, s in scores.items():
        lines.append(f"| {group} | {s['crps_neutralised_per_raid']:.3f} / {s['baseline_mean_crps_neutralised_per_raid']:.3f} / "
                     f"{s['baseline_trailing_crps_neutralised_per_raid']:.3f} | {s['mae_destroyed']:.3f} / "
                     f"{s['baseline_mean_mae_destroyed']:.3f} / {s['baseline_trailing_mae_destroyed']:.3f} | "
                     f"{s['mae_ew_lost']:.3f} | {s['bias_neutralised']:+.3f} | {s.get('simulation_only_mae_neutralised', float('nan')):.3f} |")
    return "\n".join(lines)


def steps_markdown(payload: dict) -> str:
    lines = ["| step | group | training reports | s2 (over-dispersion, logit) | q (drift per day) | level (logit) | weight of the simulation | weight of log raid size | weights of the mix (type family fractions) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for step in payload["calibration"]["steps"]:
        for link in step["links"]:
            if link["target"] != "neutralised":
                continue
            lines.append(f"| {step['start']} | {link['group']} | {link['observations']} | {link['s2']:.3f} "
                         f"(log-SE {link['log_s2_se']:.2f}) | {link['q_per_day']:.4f} ({_q_se(link)}) | "
                         f"{link['level']:.2f} ± {link['level_sd']:.2f} | {link['sim_weight']:.2f} ± {link['sim_weight_sd']:.2f} | "
                         f"{link['size_weight']:.2f} ± {link['size_weight_sd']:.2f} | {_mix(link)} |")
    return "\n".join(lines)


def _mix(link: dict) -> str:
    """The mix weights of a link, family by family ('-' without any)."""
    weights = link.get("mix_weights", {})
    return "; ".join(f"{name} {w['weight']:+.2f} ± {w['weight_sd']:.2f}" for name, w in weights.items()) or "-"


def _q_se(link: dict) -> str:
    """The log drift variance's standard error, or 'not identified' (at its bound or no curvature: the
    fit reports the width of the bound)."""
    width = BOUNDS[1][1] - BOUNDS[1][0]
    se = link.get("log_q_se", float("nan"))
    return "not identified" if se >= width - 1e-9 else f"log-SE {se:.2f}"


def monthly_markdown(rows: pd.DataFrame) -> str:
    drone = rows[rows["group"] == "drone"].copy()
    drone["month"] = pd.to_datetime(drone["start"]).dt.strftime("%Y-%m")
    lines = ["| month | drone raids | reported (launch-weighted) | model median (launch-weighted) | coverage 90 % model | coverage 90 % trailing |",
             "|---|---|---|---|---|---|"]
    for month, g in drone.groupby("month"):
        w = g["launched"]
        lines.append(f"| {month} | {len(g)} | {(g['rep_neutralised'] * w).sum() / w.sum():.3f} | "
                     f"{(g['pred_neutralised'] * w).sum() / w.sum():.3f} | {g['in90_pred'].mean():.2f} | "
                     f"{g['in90_base_trailing'].mean():.2f} |")
    return "\n".join(lines)


def main(path: str) -> None:
    payload = json.loads(Path(path).read_text())
    rows = pd.read_csv(Path(path).with_name("validation.csv"))
    for part in (scores_markdown(payload["classes"]), extra_markdown(payload["classes"]), monthly_markdown(rows),
                 steps_markdown(payload), json.dumps(payload.get("timing"))):
        print(part, end="\n\n")


if __name__ == "__main__":
    main(sys.argv[1])
