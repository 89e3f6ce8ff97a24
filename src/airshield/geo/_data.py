"""Where the data shipped with :mod:`airshield.geo` lives."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def data_file(*parts: str) -> Traversable:
    """The shipped data file ``data/<parts...>`` of the ``airshield.geo`` package."""
    path = files("airshield.geo") / "data"
    for part in parts:
        path = path / part
    return path
