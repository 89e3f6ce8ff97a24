"""The resolved scenario: a scenario as one self-contained document (no ``extends``)."""

from __future__ import annotations

from airshield.scenario.schema import Scenario


def resolved_document(scenario: Scenario) -> dict:
    """Every field with its value, ``extends`` removed, ready to dump as YAML and load again."""
    document = scenario.model_dump(mode="json", exclude_none=True)
    document.pop("extends", None)
    return document
