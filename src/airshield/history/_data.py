"""Where the data shipped with :mod:`airshield.history` lives."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

RECORDS_FILE = "missile_attacks_daily.csv"
MODELS_FILE = "missiles_and_uavs.csv"


def data_path(name: str) -> Path:
    """The filesystem path of the shipped file ``data/<name>``."""
    with as_file(files("airshield.history") / "data" / name) as path:
        return Path(path)
