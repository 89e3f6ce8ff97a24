"""docs/scenarios.md is generated from the schema and must not drift."""

import typing
from pathlib import Path

from pydantic import BaseModel

from airshield.scenario.docs import scenario_reference_markdown
from airshield.scenario.schema import Scenario

DOC = Path(__file__).resolve().parents[2] / "docs" / "scenarios.md"


def _models(annotation):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return []
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def _leaves(model, path=""):
    """(section path, field name) of every field that holds a value rather than only a section."""
    out = []
    for name, field in model.model_fields.items():
        nested = _models(field.annotation)
        here = f"{path}.{name}" if path else name
        if not nested or typing.get_origin(field.annotation) is not None and any(
                not _models(a) for a in typing.get_args(field.annotation) if a is not type(None)):
            out.append((path, name))
        for sub in nested:
            list_like = any(typing.get_origin(a) is list for a in (field.annotation, *typing.get_args(field.annotation)))
            out += _leaves(sub, here + ("[]" if list_like else ""))
    return out


def test_docs_file_is_current():
    assert DOC.read_text(encoding="utf-8") == scenario_reference_markdown(), (
        "docs/scenarios.md is out of date: regenerate with "
        "`python -m airshield.scenario.docs > docs/scenarios.md`")


def test_docs_cover_every_leaf_field():
    text = scenario_reference_markdown()
    sections = {}
    for block in text.split("\n### ")[1:]:
        title, _, body = block.partition("\n")
        sections[title.strip().strip("`")] = body
    leaves = _leaves(Scenario)
    assert len(leaves) > 40
    for path, name in leaves:
        key = path or "top level"
        assert key in sections, f"no section for `{key}`"
        assert f"| `{name}` |" in sections[key], f"field `{name}` missing in section `{key}`"


def test_docs_intro_and_units():
    text = scenario_reference_markdown()
    for phrase in ("YAML", "extends", "fire_units+", "airshield validate", "degrees"):
        assert phrase in text
    assert "### `raid.waves[]`" in text and "### `raid.waves[].launch`" in text
    assert "| `radius_km` | `float` | `1800.0` | km |" in text
