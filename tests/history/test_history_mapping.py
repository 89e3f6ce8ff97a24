"""The model map covers every model string and points only at catalogue threat types."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

import airshield
from airshield.history import group_keys, map_models, model_map
from airshield.history._data import MODELS_FILE, data_path

THREATS = Path(airshield.__file__).parent / "catalogue" / "data" / "threats.yaml"


def _catalogue_classes() -> dict[str, str]:
    data = yaml.safe_load(THREATS.read_text(encoding="utf-8"))
    return {k: v["class"] for k, v in data.items() if isinstance(v, dict) and "class" in v}


def test_every_shipped_model_string_is_mapped(shipped):
    models = pd.Series(pd.read_csv(data_path("missile_attacks_daily.csv"), dtype=str)["model"].unique())
    assert set(models) <= set(model_map().index)
    assert shipped.unknown_models == []
    assert "unknown" not in set(shipped.rows["threat_class"])


def test_every_reference_model_string_is_mapped():
    models = set(pd.read_csv(data_path(MODELS_FILE), dtype=str)["model"])
    assert models <= set(model_map().index)


def test_map_points_at_catalogue_keys_with_consistent_classes():
    classes = _catalogue_classes()
    for model, entry in model_map().iterrows():
        assert entry["kind"] in ("type", "group", "not_modelled"), model
        if entry["kind"] == "not_modelled":
            assert entry["threat"] == "" and entry["reason"], model
            continue
        keys = group_keys(entry["threat"])
        assert keys and set(keys) <= set(classes), model
        assert (len(keys) == 1) == (entry["kind"] == "type"), model
        found = {classes[k] for k in keys}
        expected = found.pop() if len(found) == 1 else "mixed"
        assert entry["threat_class"] == expected, model


def test_known_examples():
    out = map_models(pd.Series(["X-101/X-555 and Kalibr", "Shahed-136/131", "Orlan-10", "X-47 Kinzhal",
                                "C-300", "Aerial Bomb", "Brand-new drone"]))
    assert list(out["threat"]) == ["kh-101+kh-555+kalibr", "shahed-136+shahed-131", "", "kinzhal",
                                   "s-300-ground", "", ""]
    assert list(out["threat_class"]) == ["cruise", "drone", "not_modelled", "aeroballistic",
                                         "ballistic", "not_modelled", "unknown"]
    assert list(out["threat_kind"])[-1] == "unknown"


def test_model_map_returns_a_copy():
    table = model_map()
    table.loc["Kalibr", "threat"] = "changed"
    assert model_map().loc["Kalibr", "threat"] == "kalibr"
