"""The scenarios shipped with airshield."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def builtin_dir() -> Path:
    """The folder of the shipped scenario files."""
    return Path(str(resources.files("airshield.scenario") / "builtin"))


def builtin_names() -> list[str]:
    """Names of the built-in scenarios, sorted."""
    return sorted(p.stem for p in builtin_dir().glob("*.yaml"))


def builtin_path(name: str) -> Path | None:
    """The file of built-in scenario ``name``, or None if there is none (or ``name`` is no plain name)."""
    if name not in builtin_names():
        return None
    return builtin_dir() / f"{name}.yaml"
