"""Reading YAML safely, with errors that name the file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from airshield.errors import InputError

SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when available


def read_yaml_mapping(text: str, file: str) -> dict[str, Any]:
    """Parse ``text`` as YAML (safe loader) and require a mapping at the top [-]."""
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "unknown place"
        raise InputError(f"malformed YAML at {where}: {exc.problem}", file=file,
                         expected="a valid YAML document") from None
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


def read_text(path: Path) -> str:
    """The text of ``path`` as UTF-8, or an InputError naming it."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("file not found", file=str(path), expected="an existing scenario file or a built-in name") from None
    except IsADirectoryError:
        raise InputError("is a directory", file=str(path), expected="a scenario file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", file=str(path),
                         expected="a UTF-8 YAML file") from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", file=str(path)) from None
