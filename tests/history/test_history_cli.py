"""The ``history`` command group."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from airshield.cli.history import history
from airshield.errors import InputError
from history_helpers import row


def _run(*args):
    result = CliRunner().invoke(history, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_summary_json(write_csv, tmp_path):
    path = write_csv([row(), row(model="Shahed-136/131", launched="20", destroyed="15", not_reach_goal="3"),
                      row(launched="-1"), row(model="Geran-9")])
    plot = tmp_path / "p.png"
    data = json.loads(_run("summary", "--data", str(path), "--by", "year", "--json", "--plot", str(plot)))
    assert set(data) == {"periods", "largest_raids", "problems", "unknown_models"}
    assert data["problems"] == 1 and data["unknown_models"] == ["Geran-9"]
    assert sum(p["launched"] for p in data["periods"]) == 40
    assert data["largest_raids"][0]["id"] == "2024-08-26T03:00"
    assert plot.exists()


def test_summary_human_on_shipped_data():
    out = _run("summary", "--by", "year", "--top", "3")
    assert "Largest raids" in out and "2025" in out


def test_raids_filtered_json():
    data = json.loads(_run("raids", "--from", "2024-08-26", "--to", "2024-08-26", "--json"))
    assert [r["id"] for r in data] == ["2024-08-26T03:00"]
    assert data[0]["launched"] == 236 and data[0]["destroyed"] == 201


def test_raids_human():
    assert "2022-10-10T06:00" in _run("raids", "--from", "2022-10-10", "--to", "2022-10-10")


def test_errors_propagate(tmp_path):
    with pytest.raises(InputError):
        CliRunner().invoke(history, ["raids", "--data", str(tmp_path / "x.csv")], catch_exceptions=False)
    with pytest.raises(InputError):
        CliRunner().invoke(history, ["raids", "--from", "soon"], catch_exceptions=False)
