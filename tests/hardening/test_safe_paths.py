"""Names never become paths that leave their folder: the slug and the one ``inside`` check, property-tested
with hostile names, and ``airshield run`` with hostile scenario names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from airshield.cli.main import main
from airshield.safepaths import OutsideRoot, inside, slug

HOSTILE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["..", ".", "../x", "/etc/passwd", "a/../../b", "\x00", "a\x00b", "~", "\\..\\x", "x" * 5000,
                     "CON", " ", "-", "..." , "/", "//", "a/./b"]),
    st.lists(st.sampled_from(["..", ".", "a", "/", "\\", "\x00", "é", "b c"]), max_size=12).map("".join))


@settings(max_examples=300, deadline=None)
@given(HOSTILE)
def test_slug_is_always_one_plain_name(name):
    result = slug(name)
    assert result and result not in (".", "..") and len(result) <= 60
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in result)
    assert Path(result).name == result and not result.startswith((".", "-"))


@settings(max_examples=300, deadline=None)
@given(HOSTILE)
def test_inside_never_leaves_the_root(tmp_path_factory, name):
    root = tmp_path_factory.getbasetemp() / "root"
    root.mkdir(exist_ok=True)
    try:
        path = inside(root, name)
    except OutsideRoot:
        return
    assert path.resolve().is_relative_to(root.resolve()) and path != root


def test_inside_refuses_symlinks_on_the_way(tmp_path):
    root = tmp_path / "root"
    (root / "p1").mkdir(parents=True)
    (root / "p1" / "leak.png").symlink_to("/etc/passwd")
    (root / "linked").symlink_to(tmp_path)
    for name in ("p1/leak.png", "linked", "linked/root"):
        with pytest.raises(OutsideRoot, match="symbolic link"):
            inside(root, name)
    assert inside(root, "p1/new.png") == root / "p1" / "new.png"


@pytest.mark.parametrize("name", ['"../escaped"', '"../../outside"', '"/tmp/absolute-run"', '"a\\0b"',
                                  '"' + "n" * 10_000 + '"', '"..."', '"run/../../x"'])
def test_run_writes_only_inside_out(name, tmp_path, monkeypatch, capsys):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    (work / "s.yaml").write_text(f"name: {name}\nextends: kyiv-small\n")
    before = set(os.listdir(tmp_path))
    code = main(["run", "s.yaml", "-n", "1", "--out", "runs", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    run_dir = Path(json.loads(out)["run_dir"]).resolve()
    assert run_dir.parent == (work / "runs").resolve()
    assert set(os.listdir(work)) == {"s.yaml", "runs"} and set(os.listdir(tmp_path)) == before
    assert not Path("/tmp/absolute-run").exists() or name != '"/tmp/absolute-run"'
