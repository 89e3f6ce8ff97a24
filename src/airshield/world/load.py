"""The one door from scenario sources to the engine: compose, then compile."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from airshield.scenario.compose import Composed, compose
from airshield.world.compile import compile_world
from airshield.world.tables import World


def load_world(source: str | Path | Mapping[str, Any] | Composed | None = None,
               overrides: Mapping[str, Any] | None = None, *, text: str | None = None, file: str | None = None,
               base_dir: Path | None = None) -> World:
    """The compiled World of a built-in name, a file, a document or YAML text, with ``overrides``
    (e.g. ``{"run.tracking": "sensors"}``); InputError if it cannot run (see
    :func:`airshield.scenario.compose`)."""
    return compile_world(compose(source, overrides, text=text, file=file, base_dir=base_dir))
