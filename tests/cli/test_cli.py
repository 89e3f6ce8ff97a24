"""The CLI: a thin shell whose JSON equals the API's, with clean errors and exit codes."""

from __future__ import annotations

import json

import pytest

from airshield.cli.main import main


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_run_json_has_the_promised_keys(capsys):
    code, out, _ = run_cli(capsys, "run", "kyiv-small", "--seed", "3", "--replications", "2", "--json")
    assert code == 0
    data = json.loads(out)
    for key in ("seed", "replications", "totals", "by_threat", "interceptors", "value_lost", "cost", "timing"):
        assert key in data
    assert set(data["totals"]) >= {"launched", "destroyed", "ew_lost", "failed", "leaked", "impacts"}
    assert set(data["value_lost"]) >= {"mean", "p05", "p95"}
    assert set(data["cost"]) == {"defender_usd", "attacker_usd"}
    assert data["seed"] == 3 and data["replications"] == 2
    totals = data["totals"]
    assert totals["launched"] == pytest.approx(totals["destroyed"] + totals["ew_lost"] + totals["failed"] + totals["leaked"])


def test_run_json_matches_api(capsys):
    import airshield
    _, out, _ = run_cli(capsys, "run", "kyiv-small", "--seed", "5", "-n", "2", "--json")
    api = airshield.run("kyiv-small", seed=5, replications=2).to_dict()
    cli = json.loads(out)
    assert cli["totals"] == api["totals"]
    assert cli["value_lost"] == api["value_lost"]


def test_human_run_output(capsys):
    code, out, _ = run_cli(capsys, "run", "kyiv-small", "-n", "1")
    assert code == 0 and "shahed-136" in out and "value lost" in out


def test_validate_accepts_builtins(capsys):
    for name in ("kyiv-small", "ukraine-national"):
        code, out, _ = run_cli(capsys, "validate", name)
        assert code == 0 and "valid" in out


def test_validate_refuses_bad_file_with_exit_2(capsys, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\nassets: [{name: Kyiv}]\nraid: {waves: [{threat: shahed-13, count: 1, launch: kursk}]}\n")
    code, _, err = run_cli(capsys, "validate", str(bad))
    assert code == 2
    assert "bad.yaml" in err and "raid.waves[0].threat" in err and "did you mean 'shahed-136'" in err
    assert "Traceback" not in err


def test_unknown_builtin_name(capsys):
    code, _, err = run_cli(capsys, "run", "kyiv-smal")
    assert code == 2 and "did you mean 'kyiv-small'" in err


def test_scenarios_catalogue_schema_places(capsys):
    code, out, _ = run_cli(capsys, "scenarios", "--json")
    assert code == 0 and {s["name"] for s in json.loads(out)} >= {"kyiv-small", "ukraine-national"}
    code, out, _ = run_cli(capsys, "catalogue", "--kind", "threat", "--json")
    rows = json.loads(out)["threat"]
    assert code == 0 and all(r["provenance"].startswith(("source:", "assumption:")) or r["field"] in {"name", "class", "route", "ew_susceptible", "imitates"} for r in rows)
    code, out, _ = run_cli(capsys, "schema")
    assert code == 0 and "raid" in json.loads(out)["properties"]
    code, out, _ = run_cli(capsys, "places", "--json")
    assert code == 0 and any(p["key"] == "kursk" for p in json.loads(out))
