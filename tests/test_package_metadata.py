"""The package metadata carries the code licence and the shipped data's licences and attribution."""

from importlib import metadata
from pathlib import Path


def test_metadata_names_licence_files():
    info = metadata.metadata("airshield")
    assert info["License-Expression"] == "Apache-2.0"
    assert {"LICENSE", "NOTICE"} <= set(info.get_all("License-File") or [])


def test_notice_names_every_data_licence():
    notice = (Path(__file__).resolve().parents[1] / "NOTICE").read_text()
    for phrase in ("ODbL-1.0", "OpenStreetMap", "CC BY 4.0", "GeoNames", "Global Power Plant Database",
                   "ODC-BY-1.0", "Ivaniuk", "BSD-3-Clause"):
        assert phrase in notice
