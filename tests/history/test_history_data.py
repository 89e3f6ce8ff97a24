"""The shipped data files are the upstream files byte for byte."""

from __future__ import annotations

import hashlib

from airshield.history._data import data_path

SHA256 = {
    "missile_attacks_daily.csv": "9cf67994ff4df940a8c2c35769306e82400818114deb928d1431b94768fa0561",
    "missiles_and_uavs.csv": "d85bdf56bcbf71b04959a44f14cba3675ccce84e1c5d3de26850f7a37120046b",
}


def test_shipped_files_match_their_checksums():
    for name, digest in SHA256.items():
        assert hashlib.sha256(data_path(name).read_bytes()).hexdigest() == digest


def test_readme_gives_licence_and_attribution():
    text = data_path("README.md").read_text(encoding="utf-8")
    assert "ODC-BY-1.0" in text
    assert 'Ivaniuk, P., "Massive Missile Attacks on Ukraine", Kaggle (piterfm)' in text
    for digest in SHA256.values():
        assert digest in text


def test_shipped_file_loads_with_few_problems(shipped):
    assert len(shipped) + len(shipped.problems) == 2617
    assert all(msg == "launched is empty" for _, msg in shipped.problems)
