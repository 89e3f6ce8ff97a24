"""Rows for the CLI table, in file units."""

import pytest

from airshield.catalogue import load_catalogue
from airshield.catalogue.table import ROW_KEYS, catalogue_rows
from airshield.errors import InputError


def test_threat_rows_in_file_units():
    cat = load_catalogue()
    rows = catalogue_rows(cat, "threat")
    assert all(tuple(row) == ROW_KEYS for row in rows)
    speeds = {r["type"]: r for r in rows if r["field"] == "speed_kmh"}
    assert set(speeds) == set(cat.threats)
    for key, row in speeds.items():
        assert row["unit"] == "km/h"
        assert cat.threats[key].speed == pytest.approx(row["value"] / 3.6)
        assert row["provenance"].startswith(("source:", "assumption:"))
    assert speeds["shahed-136"]["value"] == 170


def test_effector_rows_include_munitions_and_pk():
    rows = catalogue_rows(load_catalogue(), "effector")
    fields = {(r["type"], r["field"]) for r in rows}
    assert ("patriot", "munitions.pac-3-mse.pk.aeroballistic") in fields
    assert ("patriot", "munitions.pac-2-gem-t.range_max_km") in fields
    row = next(r for r in rows if r["field"] == "munitions.pac-2-gem-t.range_max_km")
    assert row["value"] == 160 and row["unit"] == "km"


@pytest.mark.parametrize("kind", ["sensor", "ew"])
def test_other_kinds(kind):
    assert catalogue_rows(load_catalogue(), kind)


def test_unknown_kind():
    with pytest.raises(InputError) as err:
        catalogue_rows(load_catalogue(), "threats")
    assert "threat" in err.value.hint
