"""Resume and disk errors: a read-only folder, a full disk, and a disk that fills up during a run end
in one clean message with exit code 2; the stored data is left as it was and can be completed later."""

from __future__ import annotations

import errno
import json
import os

import pytest

from airshield.cli.main import main
from airshield.runs import diskcheck, store as store_module


def stored_files(directory) -> dict[str, bytes]:
    return {str(p.relative_to(directory)): p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture
def incomplete_run(tmp_path, monkeypatch, capsys):
    """A kyiv-small run of 6 replications stopped by a full disk when it writes its metrics."""
    monkeypatch.chdir(tmp_path)
    real_replace, calls = os.replace, []

    def replace_until_full(source, target):
        calls.append(target)
        if "part-000000" in str(target):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_replace(source, target)

    monkeypatch.setattr(store_module.os, "replace", replace_until_full)
    code = main(["run", "kyiv-small", "-n", "6", "--out", "runs"])
    out, err = capsys.readouterr()
    monkeypatch.setattr(store_module.os, "replace", real_replace)
    (run_dir,) = (tmp_path / "runs").iterdir()
    return code, err, run_dir


def test_disk_full_during_a_run_is_a_clean_message(incomplete_run):
    code, err, run_dir = incomplete_run
    assert code == 2 and "Traceback" not in err and err.count("\n") == 1
    assert "No space left on device" in err and "--resume" in err and "part-000000" in err
    assert json.loads((run_dir / "meta.json").read_text())["status"] == "incomplete"
    assert not list(run_dir.rglob("*.tmp"))


@pytest.mark.parametrize("problem, words", [
    ("read-only", ["cannot write here", "Read-only file system", "nothing was simulated"]),
    ("full", ["MB free where about", "replications left"]),
])
def test_resume_checks_before_simulating(problem, words, incomplete_run, monkeypatch, capsys):
    _, _, run_dir = incomplete_run
    before = stored_files(run_dir)
    simulated = []
    monkeypatch.setattr("airshield.runs.session.run_monte_carlo", lambda *a, **k: simulated.append(1))
    if problem == "read-only":
        def refuse(*args, **kwargs):
            raise OSError(errno.EROFS, "Read-only file system")
        monkeypatch.setattr(diskcheck.tempfile, "mkstemp", refuse)
    else:
        monkeypatch.setattr(diskcheck.shutil, "disk_usage", lambda path: type("U", (), {"free": 1000})())
    code = main(["run", "--resume", str(run_dir)])
    err = capsys.readouterr().err
    assert code == 2 and not simulated and "Traceback" not in err and err.count("\n") == 1
    for word in words:
        assert word in err, err
    assert stored_files(run_dir) == before


def test_resume_after_the_disk_is_freed_completes_the_run(incomplete_run, capsys):
    _, _, run_dir = incomplete_run
    assert main(["run", "--resume", str(run_dir), "--json"]) == 0
    assert json.loads((run_dir / "meta.json").read_text())["status"] == "complete"


@pytest.mark.parametrize("damage, words", [
    (lambda d: (d / "meta.json").write_text("{not json"), ["meta.json", "cannot be read"]),
    (lambda d: (d / "meta.json").write_text('{"seed": "x", "replications_requested": 6}'), ["meta.json", "seed"]),
    (lambda d: ((d / "metrics").mkdir(exist_ok=True), (d / "metrics" / "part-000000.parquet").write_bytes(b"PAR1")),
     ["part-000000", "metrics part"]),
    (lambda d: (d / "scenario.yaml").write_bytes(b"\xff\xfe"), ["scenario.yaml", "cannot be read"]),
])
def test_resume_of_a_damaged_run_is_a_clean_message(damage, words, incomplete_run, capsys):
    _, _, run_dir = incomplete_run
    damage(run_dir)
    code = main(["run", "--resume", str(run_dir)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err
    for word in words:
        assert word in err, err
