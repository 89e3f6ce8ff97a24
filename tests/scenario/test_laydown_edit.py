"""Laydown edits on YAML text keep everything else as it was: comments, order, flow style, indentation."""

from __future__ import annotations

import pytest

from airshield.errors import InputError
from airshield.scenario.builtin import builtin_path
from airshield.scenario.laydown_edit import LaydownEdit, edit_laydown
from airshield.world import load_world

CHILD = """# my variant
name: child
extends: kyiv-small   # the parent
fire_units+:
  # extra guns
  - name: gun-a
    type: gepard
    lat: 50.4
    lon: 30.4
"""


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in after.splitlines() if line not in before.splitlines()]


def test_add_move_delete_change_only_their_lines():
    text = builtin_path("kyiv-small").read_text()
    added, name = edit_laydown(text, LaydownEdit("add", "fire_unit", type="gepard", lat=50.123456, lon=30.5))
    assert name == "gepard-new-1"
    assert changed_lines(text, added) == ["  - {name: gepard-new-1, type: gepard, lat: 50.1235, lon: 30.5}"]
    assert len(added.splitlines()) == len(text.splitlines()) + 1
    moved, _ = edit_laydown(added, LaydownEdit("move", "sensor", name="radar-north", lat=50.9, lon=30.7))
    assert changed_lines(added, moved) == ["  - {name: radar-north, type: surveillance-radar, lat: 50.9, lon: 30.7}"]
    deleted, _ = edit_laydown(moved, LaydownEdit("delete", "ew_zone", name="ew-kyiv"))
    assert "ew-kyiv" not in deleted and len(deleted.splitlines()) == len(moved.splitlines()) - 1
    world = load_world(text=deleted, file="edited.yaml")
    assert len(world.units.name) == 16 and len(world.ew.name) == 0


def test_block_style_child_keeps_comments_and_appends_to_its_own_list():
    added, _ = edit_laydown(CHILD, LaydownEdit("add", "fire_unit", name="gun-b", type="gepard", lat=50.5, lon=30.5))
    assert added.startswith("# my variant\nname: child\nextends: kyiv-small   # the parent\n")
    assert "  # extra guns\n" in added and "  - name: gun-b\n    type: gepard\n" in added
    with_sensor, _ = edit_laydown(added, LaydownEdit("add", "sensor", type="observer-post", lat=50.6, lon=30.9))
    assert "sensors+:" in with_sensor, "a scenario that extends another gets an append list"


def test_errors_name_the_field():
    text = builtin_path("kyiv-small").read_text()
    with pytest.raises(InputError, match="exists already"):
        edit_laydown(text, LaydownEdit("add", "fire_unit", name="gepard-1", type="gepard", lat=50, lon=30))
    with pytest.raises(InputError, match="inherited"):
        edit_laydown(CHILD, LaydownEdit("move", "fire_unit", name="patriot-kyiv", lat=50, lon=30))
    with pytest.raises(InputError, match="needs a type"):
        edit_laydown(text, LaydownEdit("add", "sensor", lat=50, lon=30))
    with pytest.raises(InputError, match="position"):
        edit_laydown(text, LaydownEdit("move", "sensor", name="radar-north"))
    with pytest.raises(InputError, match="cannot read"):
        edit_laydown("a: [1,\n", LaydownEdit("delete", "sensor", name="x"))
