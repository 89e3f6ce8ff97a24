"""One road from scenario sources to a validated scenario: ``extends``, ``key+`` appends and
``--set`` overrides are assembled here and nowhere else.

Every caller that turns a scenario into a World (the API, sweeps, planners, history replays, the
web app, resumed runs) composes it with :func:`compose` and compiles the result with
:func:`airshield.world.compile_world` (or calls :func:`airshield.world.load_world`, which does both).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from airshield.scenario.loader import apply_extends, locate, resolve_document, validate_document
from airshield.scenario.overrides import apply_override
from airshield.scenario.resolved import resolved_document
from airshield.scenario.schema import Scenario
from airshield.scenario.yaml_io import read_yaml_mapping


@dataclass(frozen=True)
class Composed:
    """A scenario assembled from its sources.

    ``document``: the raw document with ``extends`` resolved and overrides set (no ``extends``
    key left); ``scenario``: the validated model; ``label``: what errors name (the file, and the
    overrides applied to it); ``path``: the scenario file, None for text or documents.
    """

    document: dict[str, Any]
    scenario: Scenario
    label: str
    path: Path | None = None

    def resolved(self) -> dict[str, Any]:
        """Every field with its value (defaults filled in), ready to store and load again."""
        return resolved_document(self.scenario)

    def with_overrides(self, overrides: Mapping[str, Any]) -> "Composed":
        """This scenario with more field overrides, e.g. ``{"raid.waves[0].count": 400}``."""
        return compose(self, overrides)

    def with_document(self, document: dict[str, Any], what: str) -> "Composed":
        """A variant: ``document`` (derived from this one) validated under this label plus ``what``."""
        return compose(document, file=f"{self.label} ({what})", base_path=self.path)


def compose(source: str | Path | Mapping[str, Any] | Composed | None = None,
            overrides: Mapping[str, Any] | None = None, *, text: str | None = None, file: str | None = None,
            base_dir: Path | None = None, base_path: Path | None = None) -> Composed:
    """The validated scenario of ``source`` with ``overrides`` set.

    ``source``: a built-in name, a file path, a raw document (a mapping; ``extends`` in it is
    resolved against ``base_dir``), or a :class:`Composed` to derive from. ``text``: YAML text
    instead of a source (``file`` names it in errors; relative ``extends`` resolve against
    ``base_dir``, default the working folder). Raises :class:`~airshield.errors.InputError` naming
    the file, the field path and what was expected.
    """
    document, label, path = _document(source, text=text, file=file, base_dir=base_dir)
    path = path or base_path
    parent = document.pop("extends", None)
    if overrides:
        for key, value in overrides.items():
            document = apply_override(document, key, value)
        label = f"{label} with " + ", ".join(f"{k}={v}" for k, v in overrides.items())
    told = {**document, "extends": parent} if parent is not None else document
    return Composed(document, validate_document(told, file=label), label, path)


def _document(source, *, text: str | None, file: str | None,
              base_dir: Path | None) -> tuple[dict[str, Any], str, Path | None]:
    """(raw document with ``extends`` resolved, label, file) of any kind of source; the ``extends``
    key, kept for information, names the parent of the top document."""
    if text is not None:
        label = file or "<text>"
        data = read_yaml_mapping(text, label)
        document = apply_extends(data, file=label, base_dir=base_dir or Path.cwd(), chain=(label,))
        return document, label, None
    if isinstance(source, Composed):
        document = copy.deepcopy(source.document)
        if source.scenario.extends is not None:
            document["extends"] = source.scenario.extends
        return document, source.label, source.path
    if isinstance(source, Mapping):
        label = file or "<document>"
        document = apply_extends(dict(source), file=label, base_dir=base_dir or Path.cwd(), chain=(label,))
        return copy.deepcopy(document), label, None
    if source is None:
        raise ValueError("compose needs a source or text")
    path = locate(source)
    return resolve_document(path, chain=()), file or str(path), path


def load_scenario(source: str | Path) -> Scenario:
    """The validated scenario of a built-in name or a file path (see :func:`compose`)."""
    return compose(source).scenario


def load_scenario_text(text: str, *, file: str = "<text>", base_dir: Path | None = None) -> Scenario:
    """The validated scenario of YAML text (see :func:`compose`)."""
    return compose(text=text, file=file, base_dir=base_dir).scenario
