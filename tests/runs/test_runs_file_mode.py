"""Stored files follow the umask (a shared runs folder works), and temporary files never stay."""

from __future__ import annotations

import os
import stat

import pytest

from airshield.runs.store import atomic_write_bytes


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_written_files_follow_the_umask(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        atomic_write_bytes(tmp_path / "summary.json", b"{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "summary.json").stat().st_mode) == mode
    assert [p.name for p in tmp_path.iterdir()] == ["summary.json"]
