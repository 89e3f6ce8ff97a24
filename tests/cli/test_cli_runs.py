"""CLI for Monte Carlo: stored runs, results list/show/compare, resume, sweeps, and their bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from airshield.cli.main import main


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_run_stores_and_results_show_it(capsys):
    code, out, _ = cli(capsys, "run", "kyiv-small", "-n", "2", "--seed", "4", "--json")
    data = json.loads(out)
    assert code == 0 and data["run_dir"] and Path(data["run_dir"]).is_dir()
    code, out, _ = cli(capsys, "results", "list", "--json")
    (row,) = json.loads(out)
    assert row["status"] == "complete" and row["replications"] == 2
    code, out, _ = cli(capsys, "results", "show", data["run_dir"], "--json")
    assert json.loads(out)["summary"]["value_lost"] == data["value_lost"]


def test_results_compare_two_runs(capsys):
    _, a, _ = cli(capsys, "run", "kyiv-small", "-n", "2", "--seed", "1", "--json")
    _, b, _ = cli(capsys, "run", "kyiv-small", "-n", "2", "--seed", "2", "--json")
    code, out, _ = cli(capsys, "results", "compare", json.loads(a)["run_dir"], json.loads(b)["run_dir"], "--json")
    rows = {r["measure"]: r for r in json.loads(out)}
    assert code == 0 and "value_lost_mean" in rows


def test_workers_give_same_json(capsys):
    _, one, _ = cli(capsys, "run", "kyiv-small", "-n", "4", "-k", "1", "--no-store", "--json")
    _, two, _ = cli(capsys, "run", "kyiv-small", "-n", "4", "-k", "2", "--no-store", "--json")
    a, b = json.loads(one), json.loads(two)
    for key in ("totals", "by_threat", "interceptors", "value_lost", "cost"):
        assert a[key] == b[key]


def test_sweep_writes_a_table(capsys, tmp_path):
    code, out, _ = cli(capsys, "sweep", "kyiv-small", "--set", "raid.waves[0].count=10,20", "-n", "1",
                       "--out", "sweep.csv", "--json")
    assert code == 0 and (tmp_path / "sweep.csv").is_file()
    assert {r["raid.waves[0].count"] for r in json.loads(out)} == {10, 20}


def test_sweep_file(capsys, tmp_path):
    (tmp_path / "s.yaml").write_text("set:\n  network.linked: [true, false]\n")
    code, out, _ = cli(capsys, "sweep", "kyiv-small", "--file", "s.yaml", "-n", "1", "--json")
    assert code == 0 and len({r["network.linked"] for r in json.loads(out)}) == 2


@pytest.mark.parametrize("args, phrase", [
    (("run", "kyiv-small", "--backend", "rey"), "unknown backend 'rey'"),
    (("run", "kyiv-small", "--backend", "ray", "--address", "127.0.0.1:1"), "cannot reach Ray"),
    (("sweep", "kyiv-small", "--set", "raid.wavs[0].count=1"), "did you mean 'waves'"),
    (("sweep", "kyiv-small", "--set", "raid.waves[0].count"), "path=value"),
    (("sweep", "kyiv-small", "--set", "raid.waves[0].count=-4", "-n", "1"), "raid.waves[0].count"),
    (("results", "show", "nowhere"), "not a run directory"),
    (("run", "--resume", "nowhere"), "not a run directory"),
])
def test_bad_input_exit_2_and_nothing_written(capsys, tmp_path, args, phrase):
    code, _, err = cli(capsys, *args)
    assert code == 2 and phrase in err and "Traceback" not in err
    assert not (tmp_path / "runs").exists() or not any((tmp_path / "runs").iterdir())


def test_out_not_writable(capsys, tmp_path):
    (tmp_path / "taken").write_text("a file, not a folder")
    code, _, err = cli(capsys, "run", "kyiv-small", "-n", "1", "--out", "taken/runs")
    assert code == 2 and "--out" in err


def test_run_with_set_overrides(capsys):
    code, out, _ = cli(capsys, "run", "kyiv-small", "-n", "1", "--no-store", "--json",
                       "--set", "raid.waves[0].count=5", "--set", "raid.waves[1].count=5")
    assert code == 0 and json.loads(out)["totals"]["launched"] == 68 - 35 - 10
    code, _, err = cli(capsys, "run", "kyiv-small", "--no-store", "--set", "run.trackin=sensors")
    assert code == 2 and "did you mean 'tracking'" in err
    code, _, err = cli(capsys, "run", "kyiv-small", "--no-store", "--set", "raid.waves[0].count=5,6")
    assert code == 2 and "airshield sweep" in err


def test_human_run_says_where_the_run_and_report_are(capsys, tmp_path):
    code, out, _ = cli(capsys, "run", "kyiv-small", "-n", "2", "--set", "raid.waves[0].count=8", "--report")
    (run_dir,) = [p for p in (tmp_path / "runs").iterdir()]
    lines = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in out.splitlines() if ": " in line}
    assert code == 0 and lines["run folder"].split()[0].endswith(f"runs/{run_dir.name}")
    assert lines["report"].endswith(f"runs/{run_dir.name}/report.html") and (run_dir / "report.html").is_file()
    assert "[threats]" in out and "[rounds]" in out and "value points" in out and ".00 " not in out


def test_sweep_stores_like_run(capsys, tmp_path):
    code, out, _ = cli(capsys, "sweep", "kyiv-small", "--set", "raid.waves[0].count=4,8", "-n", "1")
    (folder,) = list((tmp_path / "runs").iterdir())
    assert code == 0 and f"runs/{folder.name}" in out and "sweep folder: " in out
    assert (folder / "sweep.csv").is_file() and (folder / "point-001" / "summary.json").is_file()
    code, out, _ = cli(capsys, "results", "compare", str(folder / "point-000"), str(folder / "point-001"))
    assert code == 0 and "threats" in out and "rounds" in out


def test_scenarios_show_prints_the_yaml(capsys):
    code, out, _ = cli(capsys, "scenarios", "show", "kyiv-small")
    assert code == 0 and out.startswith("# A small night raid on Kyiv") and "name: kyiv-small" in out
    code, _, err = cli(capsys, "scenarios", "show", "kyiv-smal")
    assert code == 2 and "did you mean 'kyiv-small'" in err
