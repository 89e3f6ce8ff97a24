"""Every gallery example (docs/gallery/*.py, percent format) runs to the end."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

GALLERY = Path(__file__).resolve().parents[2] / "docs" / "gallery"
EXAMPLES = sorted(GALLERY.glob("*.py"))


def test_the_gallery_has_its_five_examples():
    assert {p.stem for p in EXAMPLES} == {"raid", "doctrine", "placement", "campaign", "validation"}
    assert all(p.name in (GALLERY / "README.md").read_text() for p in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_runs(example, tmp_path, monkeypatch):
    assert example.read_text().startswith("# %% [markdown]")
    monkeypatch.chdir(tmp_path)
    runpy.run_path(str(example), run_name="__main__")
