"""Sweeps and --set overrides."""

from __future__ import annotations

import pytest

from airshield.errors import InputError
from airshield.scenario.overrides import apply_override, parse_set, split_path
from airshield.runs import RunOptions
from airshield.runs.sweep import grid, sweep


def test_parse_and_grid():
    a = parse_set("raid.waves[0].count=100,200")
    b = parse_set("network.linked=true,false")
    assert a == ("raid.waves[0].count", [100, 200])
    points = grid([a, b])
    assert len(points) == 4 and points[1] == {"raid.waves[0].count": 100, "network.linked": False}


@pytest.mark.parametrize("text", ["raid.waves[0].count", "=1", "raid..x=1", "[0].a=1", "raid.waves[x]=1"])
def test_bad_set_is_refused(text):
    with pytest.raises(InputError):
        parse_set(text)


def test_apply_override_paths():
    doc = {"raid": {"waves": [{"count": 1}]}}
    assert apply_override(doc, "raid.waves[0].count", 5)["raid"]["waves"][0]["count"] == 5
    assert doc["raid"]["waves"][0]["count"] == 1
    with pytest.raises(InputError, match="out of range"):
        apply_override(doc, "raid.waves[3].count", 5)
    with pytest.raises(InputError, match="did you mean 'waves'"):
        apply_override(doc, "raid.wave[0].count", 5)
    assert split_path("a.b[2].c") == ["a", "b", 2, "c"]


def test_sweep_table_is_tidy():
    table = sweep("kyiv-small", [parse_set("raid.waves[0].count=10,40")], RunOptions(seed=1, replications=2)).table
    assert set(table.columns) >= {"raid.waves[0].count", "metric", "mean", "ci95_low", "ci95_high", "p05", "p95"}
    leaked = table[table.metric == "destroyed"].set_index("raid.waves[0].count")["mean"]
    assert leaked[40] > leaked[10]


def test_sweep_bad_value_names_the_point():
    with pytest.raises(InputError, match="sweep point 1"):
        sweep("kyiv-small", [parse_set("raid.waves[0].count=-5")], RunOptions(seed=1, replications=1))
