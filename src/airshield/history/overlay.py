"""Write calibrated parameters as a scenario overlay that ``extends`` the laydown, plus the estimates."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from airshield.catalogue import load_catalogue
from airshield.errors import InputError
from airshield.history.calibrate import Calibration
from airshield.runs.store import atomic_write_bytes
from airshield.scenario.builtin import builtin_path


def write_overlay(calibration: Calibration, laydown: str, path: Path, settings: dict) -> tuple[Path, Path]:
    """The overlay YAML (``extends: laydown`` + catalogue overrides) and a JSON of the estimates."""
    overrides = calibration.params.catalogue_overrides(load_catalogue())
    overlay = {"extends": laydown if builtin_path(laydown) else str(Path(laydown).resolve()),
               "name": f"calibrated-{Path(laydown).stem}",
               "description": f"Calibrated on the Air Force records {settings.get('from')} .. {settings.get('to')} "
                              f"({settings.get('raids')} raids): {json.dumps(calibration.params.as_dict())}",
               "catalogue": overrides}
    estimates = {**calibration.to_dict(), "settings": settings, "laydown": laydown}
    try:
        atomic_write_bytes(path, ("# written by airshield calibrate\n" + yaml.safe_dump(overlay, sort_keys=False)).encode())
        json_path = path.with_suffix(".json")
        atomic_write_bytes(json_path, json.dumps(estimates, indent=2, default=str).encode())
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror}", file=str(path), path="--out", expected="a writable file") from None
    return path, json_path
