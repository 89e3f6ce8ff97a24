"""``airshield history validate --rolling``: the command runs on a small records file end to end."""

from __future__ import annotations

import json

import pandas as pd
from click.testing import CliRunner

from airshield.cli.main import cli
from history_helpers import row


def _raids(count: int) -> list[dict]:
    rows = []
    for i in range(count):
        day = pd.Timestamp("2024-10-15") + pd.Timedelta(days=3 * i)
        start, end = f"{day:%Y-%m-%d} 19:00", f"{day + pd.Timedelta(days=1):%Y-%m-%d} 08:00"
        launched = 4 + (i * 7) % 9
        rows.append(row(time_start=start, time_end=end, model="Shahed-136/131", launched=str(launched),
                        destroyed=str(launched - 1 - i % 3), not_reach_goal=str(i % 2), launch_place="Kursk oblast",
                        target="Kyiv oblast"))
    return rows


def test_rolling_validation_on_a_small_file(write_csv, tmp_path):
    path = write_csv(_raids(30))
    out = tmp_path / "v"
    result = CliRunner().invoke(cli, ["history", "validate", "--data", str(path), "--train-until", "2024-11-30",
                                          "--test-from", "2024-12-01", "--train-days", "45", "--laydown",
                                          "kyiv-small", "--rolling", "1", "--max-test", "0", "-n", "2",
                                          "--workers", "1", "--json", "--out", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    drone = data["classes"]["drone"]
    assert drone["raids"] == 14
    for key in ("mae_neutralised", "baseline_mean_mae_neutralised", "baseline_trailing_mae_neutralised",
                "coverage90", "crps_neutralised", "baseline_trailing_crps_neutralised", "coverage50", "calibration"):
        assert key in drone
    assert data["rolling"]["parameters"] == "s2"
    assert data["rolling"]["months"] == 1 and data["timing"]["raids_simulated"] == 29
    assert {s["start"] for s in data["calibration"]["steps"]} == {"2024-12-01", "2025-01-01"}
    assert (out / "calibration.png").exists() and (out / "validation.csv").exists()


def test_replay_shows_an_unreported_group_without_a_reported_share():
    """2025-01-31T19:00: the cruise rows give launches only; the replay simulates its 33 cruise missiles
    (Kh-59/69 10, Kh-22 8, Kh-101 8, Iskander-K 7) and shows no reported share for them (not a share of 0)."""
    result = CliRunner().invoke(cli, ["history", "replay", "2025-01-31T19:00", "-n", "1", "--json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    groups = {g["group"]: g for g in json.loads(result.output)["groups"]}
    assert groups["cruise"]["launched"] == 33 and groups["cruise"]["simulated_neutralised"] is not None
    assert groups["cruise"]["reported_neutralised"] is None
    assert groups["ballistic"]["launched"] == 4 and groups["ballistic"]["reported_neutralised"] == 0.0
