"""Reading YAML safely, with errors that name the file and line.

Bounded: a file must be a regular file under the size cap (never a FIFO, device or directory) and is
read with one bounded read; a document may hold at most ``max_yaml_nodes`` nodes, counting every
alias as the nodes it stands for (no "billion laughs"); a key given twice in one mapping is refused
with its line. Caps come from :class:`airshield.scenario.limits.ScenarioLimits`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

from airshield.errors import InputError
from airshield.scenario.limits import ScenarioLimits

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when available
PRESCAN_BYTES = 1_000_000  # texts larger than this have their events counted before nodes are built [bytes]


class StrictLoader(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """libyaml's safe loader that refuses a key given twice in one mapping."""

    def construct_mapping(self, node, deep=False):  # noqa: D102 - PyYAML's hook
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            try:
                if key in seen:
                    raise _DuplicateKey(key, seen[key], line)
                seen[key] = line
            except TypeError:
                continue  # an unhashable key: SafeConstructor reports it
        return super().construct_mapping(node, deep=deep)


class _DuplicateKey(Exception):
    def __init__(self, key: Any, first: int, again: int):
        super().__init__(f"key {str(key)[:60]!r} is given twice (line {first} and line {again})")
        self.line = again


def read_yaml_mapping(text: str, file: str, limits: ScenarioLimits | None = None) -> dict[str, Any]:
    """Parse ``text`` as YAML (safe loader) and require a mapping at the top [-]."""
    limits = limits or ScenarioLimits.from_env()
    try:
        data = _load(text, limits.max_yaml_nodes)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        raise InputError(f"malformed YAML at {where}: {exc.problem}", file=file,
                         expected="a valid YAML document") from None
    except _DuplicateKey as exc:
        raise InputError(f"at line {exc.line}: {exc}", file=file, expected="each key once per mapping") from None
    except _TooLarge as exc:
        raise InputError(str(exc), file=file, expected=f"at most {limits.max_yaml_nodes:,} YAML nodes, "
                         "or a higher AIRSHIELD_MAX_YAML_NODES") from None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise InputError(f"malformed YAML: {exc}", file=file, expected="a valid YAML document") from None
    if data is None:
        raise InputError("the file is empty", file=file, expected="a mapping of scenario fields")
    if not isinstance(data, dict):
        raise InputError(f"the document is a {type(data).__name__}", file=file,
                         expected="a mapping of scenario fields at the top level")
    bad_keys = [k for k in data if not isinstance(k, str)]
    if bad_keys:
        raise InputError(f"top-level key {bad_keys[0]!r} is not a string", file=file,
                         expected="field names such as 'name', 'raid'")
    return data


class _TooLarge(Exception):
    pass


def _load(text: str, max_nodes: int) -> Any:
    """The document of ``text``; _TooLarge before building more than ``max_nodes`` nodes."""
    if len(text) > PRESCAN_BYTES:
        _count_events(text, max_nodes)
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None and expanded_size(node, max_nodes) > max_nodes:
            raise _TooLarge(f"the document expands to more than {max_nodes:,} YAML nodes")
        return loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _count_events(text: str, max_nodes: int) -> None:
    """Stream the parser's events (constant memory); _TooLarge past ``max_nodes`` of them."""
    loader = SAFE_LOADER(text)
    try:
        count = 0
        while loader.check_event():
            loader.get_event()
            count += 1
            if count > max_nodes + 10:
                raise _TooLarge(f"the document has more than {max_nodes:,} YAML nodes")
    finally:
        loader.dispose()


def expanded_size(root: yaml.Node, cap: int) -> int:
    """Nodes under ``root`` with every alias expanded (shared nodes counted each time), stopping past ``cap``."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done or not children:
            sizes[id(node)] = min(cap + 1, 1 + sum(sizes.get(id(c), 0) for c in children))
            continue
        stack.append((node, True))
        stack.extend((c, False) for c in children if id(c) not in sizes)
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def read_text(path: Path, limits: ScenarioLimits | None = None) -> str:
    """The text of ``path`` as UTF-8, or an InputError naming it.

    Only a regular file under the size cap is read, with one bounded read that never blocks
    (a FIFO, a device such as /dev/zero, a directory or a symlink loop are refused at once).
    """
    limits = limits or ScenarioLimits.from_env()
    data = _read_bounded(path, limits.max_file_bytes)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", file=str(path),
                         expected="a UTF-8 YAML file") from None


def _read_bounded(path: Path, max_bytes: int) -> bytes:
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("file not found", file=str(path), expected="an existing scenario file or a built-in name") from None
    except IsADirectoryError:
        raise InputError("is a directory", file=str(path), expected="a scenario file") from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", file=str(path), expected="a readable scenario file") from None
    try:
        _require_regular(os.fstat(handle), path, max_bytes)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", file=str(path), expected="a readable scenario file") from None
    finally:
        os.close(handle)
    if len(data) > max_bytes:
        raise _too_big(path, max_bytes)
    return data


def _require_regular(info: os.stat_result, path: Path, max_bytes: int) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise InputError("is a directory", file=str(path), expected="a scenario file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"is not a regular file (a {_kind(info.st_mode)})", file=str(path),
                         expected="a scenario file, not a pipe, device or socket")
    if info.st_size > max_bytes:
        raise _too_big(path, max_bytes, info.st_size)


def _too_big(path: Path, max_bytes: int, size: int | None = None) -> InputError:
    shown = f"{size / 1e6:,.1f} MB" if size is not None else "more"
    return InputError(f"the file is {shown}, over the limit of {max_bytes / 1e6:g} MB", file=str(path),
                      expected="a smaller scenario file, or a higher AIRSHIELD_MAX_FILE_MB")


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
             (stat.S_ISSOCK, "socket"))
    return next((name for test, name in kinds if test(mode)), "special file")


def resolved_name(path: Path) -> str:
    """``path`` resolved to an absolute name (for ``extends`` loops); InputError for a symlink loop."""
    try:
        return str(path.resolve(strict=False))
    except (OSError, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or "a symbolic link loop"
        raise InputError(f"cannot be resolved: {reason}", file=str(path), expected="a scenario file") from None
