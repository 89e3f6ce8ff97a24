"""docs/catalogue.md is generated and must not drift."""

from pathlib import Path

from airshield.catalogue.docs import catalogue_reference_markdown
from airshield.catalogue.fields import EFFECTOR_FIELDS, MUNITION_FIELDS, THREAT_FIELDS

DOC = Path(__file__).resolve().parents[2] / "docs" / "catalogue.md"


def test_docs_file_is_current():
    assert DOC.read_text(encoding="utf-8") == catalogue_reference_markdown(), (
        "docs/catalogue.md is out of date: regenerate with "
        "`python -m airshield.catalogue.docs > docs/catalogue.md`")


def test_docs_cover_every_field_and_type():
    text = catalogue_reference_markdown()
    for spec in THREAT_FIELDS + EFFECTOR_FIELDS + MUNITION_FIELDS:
        assert f"`{spec.key}`" in text
    assert "#### `shahed-136`" in text and "#### `patriot`" in text
