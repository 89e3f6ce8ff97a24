"""Find the line of a field path (``raid.waves[2].count``) in YAML text, for errors shown at the field."""

from __future__ import annotations

import re

import yaml

from airshield.scenario.yaml_io import SAFE_LOADER

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def line_of(text: str, path: str | None) -> int | None:
    """1-based line of the deepest node of ``path`` found in ``text``; None if the text does not parse."""
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)  # libyaml: bounded nesting, no Python recursion
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return mark.line + 1 if mark is not None else None
    except (RecursionError, ValueError, MemoryError):
        return None
    if node is None:
        return None
    line = node.start_mark.line + 1
    for key, index in _PART.findall(path or ""):
        child = _child(node, key, index)
        if child is None:
            break
        node, line = child
    return line


def _child(node, key: str, index: str):
    if isinstance(node, yaml.MappingNode) and key:
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                return v, k.start_mark.line + 1
    if isinstance(node, yaml.SequenceNode) and index and int(index) < len(node.value):
        item = node.value[int(index)]
        return item, item.start_mark.line + 1
    return None
