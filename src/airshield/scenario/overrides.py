"""``--set path=v1,v2`` overrides: parse them and apply them to a scenario document."""

from __future__ import annotations

import copy
import re
from typing import Any

import yaml

from airshield.errors import InputError, did_you_mean

TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_set(text: str) -> tuple[str, list[Any]]:
    """``'raid.waves[0].count=100,200'`` -> ``('raid.waves[0].count', [100, 200])``; values as YAML scalars."""
    path, sep, values = text.partition("=")
    path = path.strip()
    if not sep or not path or not values.strip():
        raise InputError(f"'{text}' is not path=value[,value...]", path="--set",
                         expected="e.g. raid.waves[0].count=100,200,400")
    split_path(path)
    parsed = []
    for raw in values.split(","):
        try:
            parsed.append(yaml.safe_load(raw.strip()))
        except yaml.YAMLError:
            raise InputError(f"value '{raw}' cannot be read", path=f"--set {path}", expected="a number, word or true/false") from None
    return path, parsed


def split_path(path: str) -> list[str | int]:
    """``'raid.waves[0].count'`` -> ``['raid', 'waves', 0, 'count']``."""
    parts: list[str | int] = []
    position = 0
    for match in TOKEN.finditer(path):
        gap = path[position:match.start()]
        if gap not in ("", "."):
            break
        parts.append(match.group(1) if match.group(1) is not None else int(match.group(2)))
        position = match.end()
    if position != len(path) or not parts or not isinstance(parts[0], str):
        raise InputError(f"'{path}' is not a field path", path="--set",
                         expected="names joined by dots with [index] for lists, e.g. raid.waves[0].count")
    return parts


def apply_override(document: dict, path: str, value: Any) -> dict:
    """A copy of ``document`` with the field at ``path`` set to ``value``.

    Missing mapping keys are created (the schema then judges them); list indices must exist.
    """
    result = copy.deepcopy(document)
    parts = split_path(path)
    node: Any = result
    for depth, part in enumerate(parts[:-1]):
        node = _step(node, part, parts[depth + 1], path)
    last = parts[-1]
    if isinstance(last, int):
        _check_index(node, last, path)
    elif not isinstance(node, dict):
        raise InputError(f"'{_prefix(parts, len(parts) - 1)}' is not a mapping", path=f"--set {path}")
    node[last] = value
    return result


def _step(node: Any, part: str | int, following: str | int, path: str) -> Any:
    if isinstance(part, int):
        _check_index(node, part, path)
        return node[part]
    if not isinstance(node, dict):
        raise InputError(f"cannot go into '{part}': not a mapping", path=f"--set {path}")
    if part not in node or node[part] is None:
        if isinstance(following, int):
            raise InputError(f"'{part}' is not in the scenario, so it has no entry [{following}]",
                             path=f"--set {path}", hint=did_you_mean(part, [str(k) for k in node]))
        node[part] = {}
    return node[part]


def _check_index(node: Any, index: int, path: str) -> None:
    if not isinstance(node, list):
        raise InputError(f"[{index}] applies to a list only", path=f"--set {path}")
    if index >= len(node):
        raise InputError(f"index {index} is out of range ({len(node)} entries)", path=f"--set {path}",
                         expected=f"an index below {len(node)}")


def _prefix(parts: list[str | int], count: int) -> str:
    text = ""
    for part in parts[:count]:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
