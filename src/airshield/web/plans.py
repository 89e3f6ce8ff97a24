"""Planning results in the app: the plan.json files that `airshield plan` and `campaign` write."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import HTTPException

from airshield.safepaths import OutsideRoot, inside


def list_plans(root: Path) -> list[dict]:
    """Every plan under ``root`` (any depth): name (its folder relative to root), kind, scenario, time."""
    if not root.is_dir():
        return []
    plans = []
    for file in sorted(root.rglob("plan.json")):
        try:
            inside(root, file.relative_to(root), kind="plan")
            data = json.loads(file.read_text())
        except (OSError, ValueError, OutsideRoot):
            continue
        plans.append({"name": file.parent.relative_to(root).as_posix(), "kind": data.get("kind"),
                      "scenario": data.get("scenario"), "written": data.get("written"),
                      "images": sorted(p.name for p in file.parent.glob("*.png"))})
    return plans


def plan_dir(root: Path, name: str) -> Path:
    """The folder of plan ``name`` inside ``root``; 400 for a path that leaves it, 404 if absent."""
    folder = _inside(root, name, "plan")
    if not _inside(folder, "plan.json", "plan").is_file():
        raise HTTPException(404, detail=f"no plan named '{name[:80]}'")
    return folder


def plan_image(root: Path, name: str, image: str) -> Path:
    """A PNG written with a plan."""
    folder = plan_dir(root, name)
    if "/" in image or not image.endswith(".png"):
        raise HTTPException(404, detail=f"no image '{image[:80]}' in plan '{name[:80]}'")
    path = _inside(folder, image, "image")
    if not path.is_file():
        raise HTTPException(404, detail=f"no image '{image[:80]}' in plan '{name[:80]}'")
    return path


def _inside(root: Path, name: str, kind: str) -> Path:
    """``root / name`` checked by :func:`airshield.safepaths.inside`; 400 when it would leave ``root``."""
    try:
        return inside(root, name, kind=kind)
    except OutsideRoot as exc:
        raise HTTPException(400, detail=exc.detail) from None


def plan_report(root: Path, name: str) -> Path:
    """The HTML report written with a plan (``--report``)."""
    folder = plan_dir(root, name)
    path = _inside(folder, "report.html", "report")
    if not path.is_file():
        raise HTTPException(404, detail=f"no report in plan '{name}' (write one with --report)")
    return path
