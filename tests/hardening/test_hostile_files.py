"""Hostile scenario files: each is refused with exit code 2 and one line naming the file and the field
or line, never a traceback, and every refusal stays under 1 GB of memory."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from airshield.cli.main import main
from hostile_files import CASES


@pytest.mark.parametrize("case_id, make, words", CASES, ids=[c[0] for c in CASES])
def test_hostile_file_is_refused_cleanly(case_id, make, words, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    argument = make(tmp_path)
    code = main(["validate", argument])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    for word in words:
        assert word in err, (word, err)


MEMORY_PROBE = """
import json, os, resource, sys, contextlib, io
sys.path.insert(0, {root!r})
from pathlib import Path
from airshield.cli.main import main
from hostile_files import CASES
codes = {{}}
for case_id, make, _ in CASES:
    os.chdir({folder!r})
    os.mkdir(case_id)
    os.chdir(case_id)
    argument = make(Path("."))
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            codes[case_id] = main(["validate", argument])
        except SystemExit as exit_:
            codes[case_id] = exit_.code
print(json.dumps({{"codes": codes, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}}))
"""


def test_every_refusal_stays_under_1gb(tmp_path):
    """All cases in one fresh process: its peak resident memory bounds every single refusal."""
    root = str(Path(__file__).resolve().parent)
    probe = MEMORY_PROBE.format(root=root, folder=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=240)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(report["codes"].values()) == {2}, report["codes"]
    assert report["maxrss_kb"] < 1_000_000, report
