"""The run report: self-contained, offline, with the expected sections."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from airshield.api import run
from airshield.cli.report import report
from airshield.errors import InputError
from airshield.numbers import format_number
from airshield.report import write_report
from airshield.runs import RunStore

SECTIONS = ("summary", "map", "plots", "tables", "notes")


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> RunStore:
    return run("kyiv-small", replications=3, seed=5, out=tmp_path_factory.mktemp("runs"), keep_events=True).store


def _external(html: str) -> list[str]:
    refs = re.findall(r"""(?:src|href|url)\s*[=(]\s*["']?([^"')\s>]+)""", html, flags=re.I)
    return [r for r in refs if re.match(r"(https?:)?//", r)]


def test_report_is_offline_and_has_sections(stored, tmp_path):
    path = write_report(stored, tmp_path / "report.html")
    html = path.read_text(encoding="utf-8")
    assert _external(html) == []
    assert "http://" not in html and "https://" not in html
    for section in SECTIONS:
        assert f'<section id="{section}">' in html
    assert html.count('<img src="data:image/png;base64,') == 4
    assert "<svg" in html and html.count("<path") > 27 + 10
    summary = stored.summary()
    assert f"<b>{format_number(summary['totals']['launched'])}</b>launched [threats]" in html
    assert "value points" in html and "2,800.00" not in html


def test_report_without_events_still_renders(tmp_path):
    store = run("kyiv-small", replications=1, seed=5, out=tmp_path / "runs").store
    html = write_report(store).read_text(encoding="utf-8")
    assert (store.dir / "report.html").is_file() and "--keep-events" in html


def test_incomplete_run_is_an_input_error(stored, tmp_path):
    import shutil
    copy = tmp_path / "copy"
    shutil.copytree(stored.dir, copy)
    (copy / "summary.json").unlink()
    with pytest.raises(InputError, match="incomplete"):
        write_report(copy)


def test_cli_report(stored, tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(report, [str(stored.dir), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().startswith("<!DOCTYPE html>")


def test_report_of_a_result_kept_in_memory_goes_to_the_default_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("kyiv-small", replications=2, seed=3)
    path = write_report(result)
    assert path == result.run_dir / "report.html" and path.is_file()
    assert path.parent.parent.resolve() == (tmp_path / "runs").resolve()
