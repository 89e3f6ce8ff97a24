"""docs/results.md is generated from the measures table and must not drift."""

from pathlib import Path

from airshield.analysis.docs import results_reference_markdown
from airshield.analysis.measures import MEASURES

DOC = Path(__file__).resolve().parents[2] / "docs" / "results.md"


def test_docs_file_is_current():
    assert DOC.read_text(encoding="utf-8") == results_reference_markdown(), (
        "docs/results.md is out of date: regenerate with `python -m airshield.analysis.docs > docs/results.md`")


def test_docs_cover_every_measure_with_its_unit():
    text = results_reference_markdown()
    for m in MEASURES:
        assert f"| `{m.name}` | {m.unit} |" in text
    assert "`by_threat/{key}/leaked`" in text and "t interval" in text and "Wilson" in text
