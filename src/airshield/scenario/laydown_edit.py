"""Edit a scenario's laydown in its YAML text: add, move or delete a fire unit, sensor or EW zone.

The text is edited round-trip with ruamel.yaml, so comments, key order, flow style and quoting of
everything else are kept. Items are found by ``name`` in ``fire_units``, ``sensors`` or ``ew_zones``
(or their ``key+`` appends); a new item goes into the list the text already has (``key`` before
``key+``), else a new ``key+`` list when the scenario ``extends`` another, else a new ``key`` list.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from airshield.errors import InputError

KINDS = {"fire_unit": "fire_units", "sensor": "sensors", "ew_zone": "ew_zones"}
"""Map layer name -> scenario list key."""


@dataclass(frozen=True)
class LaydownEdit:
    """``op`` (add, move, delete) on an item of ``kind`` (fire_unit, sensor, ew_zone) named ``name``;
    ``type`` (catalogue key) for add; ``lat``, ``lon`` [deg] for add and move."""

    op: str
    kind: str
    name: str | None = None
    type: str | None = None
    lat: float | None = None
    lon: float | None = None


def edit_laydown(text: str, edit: LaydownEdit) -> tuple[str, str]:
    """(the edited YAML text, the item's name). InputError when the item or the text is not fit for it."""
    if edit.kind not in KINDS:
        raise InputError(f"unknown laydown kind '{edit.kind}'", path="kind", expected="one of: " + ", ".join(KINDS))
    yaml = _yaml()
    try:
        from ruamel.yaml.util import load_yaml_guess_indent
        _, indent, offset = load_yaml_guess_indent(text)
        yaml.indent(mapping=2, sequence=indent if offset else 2, offset=offset or 0)
        document = yaml.load(text)
    except Exception as exc:  # noqa: BLE001 - ruamel's parse errors carry the position in their text
        raise InputError(f"cannot read the scenario: {str(exc)[:200]}", file="<editor>") from None
    if not hasattr(document, "get"):
        raise InputError("the scenario is not a mapping of fields", file="<editor>", expected="name: ..., raid: ...")
    if edit.op == "add":
        name = _add(document, edit)
    elif edit.op in ("move", "delete"):
        name = _change(document, edit)
    else:
        raise InputError(f"unknown operation '{edit.op}'", path="op", expected="add, move or delete")
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue(), name


def _yaml():
    try:
        from ruamel.yaml import YAML
    except ImportError:  # pragma: no cover - the web extra installs it
        raise InputError("editing the laydown needs ruamel.yaml", expected="pip install 'airshield[web]'") from None
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def _lists(document, key: str) -> list:
    return [document[k] for k in (key, f"{key}+") if isinstance(document.get(k), list)]


def _find(document, edit: LaydownEdit) -> tuple[list, int]:
    key = KINDS[edit.kind]
    for items in _lists(document, key):
        for i, item in enumerate(items):
            if hasattr(item, "get") and item.get("name") == edit.name:
                return items, i
    raise InputError(f"no {edit.kind.replace('_', ' ')} named '{edit.name}' in this text", path=key,
                     expected="an item of this scenario text (items inherited through 'extends' are edited in "
                              "their own file)")


def _change(document, edit: LaydownEdit) -> str:
    items, i = _find(document, edit)
    if edit.op == "delete":
        del items[i]
        return str(edit.name)
    _check_position(edit)
    items[i]["lat"], items[i]["lon"] = round(float(edit.lat), 4), round(float(edit.lon), 4)
    return str(edit.name)


def _add(document, edit: LaydownEdit) -> str:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    _check_position(edit)
    if not edit.type:
        raise InputError("a new item needs a type", path="type", expected="a catalogue type key, e.g. gepard")
    key = KINDS[edit.kind]
    lists = _lists(document, key)
    if not lists:
        target = f"{key}+" if "extends" in document else key
        document[target] = CommentedSeq()
        lists = [document[target]]
    taken = {str(item.get("name")) for items in lists for item in items if hasattr(item, "get")}
    name = edit.name or _new_name(edit.type, taken)
    if name in taken:
        raise InputError(f"a {edit.kind.replace('_', ' ')} named '{name}' exists already", path="name",
                         expected="a new name")
    item = CommentedMap([("name", name), ("type", edit.type), ("lat", round(float(edit.lat), 4)),
                         ("lon", round(float(edit.lon), 4))])
    siblings = lists[0]
    if not siblings or getattr(getattr(siblings[-1], "fa", None), "flow_style", lambda: False)():
        item.fa.set_flow_style()
    siblings.append(item)
    return name


def _new_name(type_key: str, taken: set[str]) -> str:
    number = 1
    while f"{type_key}-new-{number}" in taken:
        number += 1
    return f"{type_key}-new-{number}"


def _check_position(edit: LaydownEdit) -> None:
    if edit.lat is None or edit.lon is None or not (-90 <= edit.lat <= 90 and -180 <= edit.lon <= 180):
        raise InputError("a position is needed", path="lat", expected="lat in [-90, 90] and lon in [-180, 180] [deg]")
