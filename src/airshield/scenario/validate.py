"""Validation in full: a scenario is valid when it loads and compiles into a runnable World."""

from __future__ import annotations

from pathlib import Path

from airshield.scenario.loader import load_scenario, load_scenario_text, locate
from airshield.world import World, compile_world


def load_world(source: str | Path) -> World:
    """The compiled World of a built-in name or scenario file; InputError if it cannot run."""
    path = locate(source)
    scenario = load_scenario(path)
    return compile_world(scenario, file=str(path))


def load_world_text(text: str, *, file: str = "<text>") -> World:
    """The compiled World of scenario YAML text; InputError if it cannot run."""
    return compile_world(load_scenario_text(text, file=file), file=file)


def load_world_with(source: str | Path, overrides: dict[str, object]) -> World:
    """The World of a scenario with field overrides applied, e.g. {"run.tracking": "sensors"}."""
    from airshield.runs.overrides import apply_override
    from airshield.scenario.loader import resolve_document, validate_document
    path = locate(source)
    document = resolve_document(path, chain=())
    document.pop("extends", None)
    for key, value in overrides.items():
        document = apply_override(document, key, value)
    label = f"{path} with " + ", ".join(f"{k}={v}" for k, v in overrides.items())
    return compile_world(validate_document(document, file=label), file=label)
