"""Read a scenario file: locate it, parse it, resolve ``extends``, validate a document against the schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pydantic

from airshield.errors import InputError
from airshield.scenario.builtin import builtin_names, builtin_path
from airshield.scenario.merge import merge_documents
from airshield.scenario.schema import Scenario
from airshield.scenario.limits import check_document
from airshield.scenario.yaml_io import read_text, read_yaml_mapping, resolved_name
from airshield.errors import did_you_mean


def locate(source: str | Path, *, base_dir: Path | None = None) -> Path:
    """The file behind ``source``: a built-in name, or a path (relative to ``base_dir``)."""
    text = str(source)
    builtin = builtin_path(text) if "/" not in text and not text.endswith((".yaml", ".yml")) else None
    if builtin is not None:
        return builtin
    path = Path(text)
    if not path.is_absolute() and base_dir is not None:
        path = base_dir / path
    if not _exists(path) and not text.endswith((".yaml", ".yml")) and "/" not in text:
        shown = text if len(text) <= 80 else text[:77] + "..."
        raise InputError(f"no built-in scenario or file named '{shown}'",
                         expected="one of: " + ", ".join(builtin_names()) + ", or a path to a YAML file",
                         hint=did_you_mean(text, builtin_names()))
    return path


def _exists(path: Path) -> bool:
    try:
        return path.exists()
    except OSError:  # e.g. a name too long for the file system: reported when the file is read
        return False


def resolve_document(path: Path, *, chain: tuple[str, ...]) -> dict[str, Any]:
    """The merged raw document of ``path`` with its ``extends`` chain applied."""
    key = resolved_name(path)
    if key in chain:
        loop = " -> ".join(Path(p).name for p in (*chain, key))
        raise InputError(f"'extends' loop: {loop}", file=str(path), path="extends",
                         expected="a chain of scenarios that ends")
    data = read_yaml_mapping(read_text(path), str(path))
    return apply_extends(data, file=str(path), base_dir=path.parent, chain=(*chain, key))


def apply_extends(data: dict[str, Any], *, file: str, base_dir: Path, chain: tuple[str, ...]) -> dict[str, Any]:
    parent = data.get("extends")
    if parent is None:
        return data
    if not isinstance(parent, str) or not parent.strip():
        raise InputError("'extends' must name a scenario", file=file, path="extends",
                         expected="a built-in scenario name or a file path")
    try:
        parent_path = locate(parent, base_dir=base_dir)
        base = resolve_document(parent_path, chain=chain)
    except InputError as exc:
        raise InputError(f"cannot extend '{parent}': {exc}", file=file, path="extends") from None
    own = {k: v for k, v in data.items() if k != "extends"}
    merged = merge_documents(base, own, file=file)
    merged["extends"] = parent
    return merged


def validate_document(document: dict[str, Any], *, file: str) -> Scenario:
    """The Scenario for a raw document, or an InputError for its first problem (caps checked first)."""
    check_document(document, file=file)
    try:
        return Scenario.model_validate(document)
    except pydantic.ValidationError as exc:
        raise pydantic_to_input_error(exc, file=file) from None


def pydantic_to_input_error(exc: pydantic.ValidationError, *, file: str) -> InputError:
    """One clear InputError from pydantic's first error, counting the rest."""
    errors = _most_specific(exc.errors(include_url=False))
    first = errors[0]
    path = format_path(first["loc"])
    message = _message(first)
    more = len(errors) - 1
    if more:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    hint = None
    if first["type"] == "extra_forbidden" and first["loc"]:
        hint = did_you_mean(str(first["loc"][-1]), _known_fields(first["loc"][:-1]))
    return InputError(message, file=file, path=path, hint=hint)


def _most_specific(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop errors whose path is a prefix of another's (the losing branches of a union)."""
    paths = [format_path(e["loc"]) for e in errors]
    keep = [e for e, p in zip(errors, paths)
            if not any(q != p and (q.startswith(p + ".") or q.startswith(p + "[")) for q in paths)]
    return keep or errors


def format_path(loc: tuple[Any, ...]) -> str:
    """``('raid', 'waves', 2, 'count')`` -> ``raid.waves[2].count``; union-branch labels dropped."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _is_branch_label(part):
            continue
        else:
            text += f".{part}" if text else str(part)
    return text


def _is_branch_label(part: Any) -> bool:
    return isinstance(part, str) and (part in {"str", "int", "float", "bool", "list[str]"} or
                                      part[:1].isupper() or "[" in part)


def _message(error: dict[str, Any]) -> str:
    kind = error["type"]
    got = error.get("input")
    shown = repr(got) if not isinstance(got, (dict, list)) else type(got).__name__
    if len(shown) > 60:
        shown = shown[:57] + "..."
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "required field is missing"
    return f"{error['msg'].rstrip('.')} (got {shown})"


def _known_fields(loc: tuple[Any, ...]) -> list[str]:
    """Field names of the model found at ``loc`` (for did-you-mean)."""
    model: Any = Scenario
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = getattr(model, "model_fields", {}).get(part)
        model = _inner_model(field.annotation) if field else None
    return list(getattr(model, "model_fields", {})) if model else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, pydantic.BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
