"""Planning results in the app: the plan.json files that `airshield plan` and `campaign` write."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import HTTPException


def list_plans(root: Path) -> list[dict]:
    """Every plan under ``root`` (any depth): name (its folder relative to root), kind, scenario, time."""
    if not root.is_dir():
        return []
    plans = []
    for file in sorted(root.rglob("plan.json")):
        try:
            data = json.loads(file.read_text())
        except (OSError, ValueError):
            continue
        plans.append({"name": file.parent.relative_to(root).as_posix(), "kind": data.get("kind"),
                      "scenario": data.get("scenario"), "written": data.get("written"),
                      "images": sorted(p.name for p in file.parent.glob("*.png"))})
    return plans


def plan_dir(root: Path, name: str) -> Path:
    """The folder of plan ``name`` inside ``root``; 400 for a path that leaves it, 404 if absent."""
    if not name or name.startswith(("/", "\\")) or ".." in Path(name).parts:
        raise HTTPException(400, detail=f"'{name}' is not a plan name")
    folder = (root / name).resolve()
    if not folder.is_relative_to(root.resolve()):
        raise HTTPException(400, detail=f"'{name}' is not a plan name")
    if not (folder / "plan.json").is_file():
        raise HTTPException(404, detail=f"no plan named '{name}'")
    return folder


def plan_image(root: Path, name: str, image: str) -> Path:
    """A PNG written with a plan."""
    folder = plan_dir(root, name)
    if "/" in image or "\\" in image or not image.endswith(".png") or not (folder / image).is_file():
        raise HTTPException(404, detail=f"no image '{image}' in plan '{name}'")
    return folder / image


def plan_report(root: Path, name: str) -> Path:
    """The HTML report written with a plan (``--report``)."""
    folder = plan_dir(root, name)
    if not (folder / "report.html").is_file():
        raise HTTPException(404, detail=f"no report in plan '{name}' (write one with --report)")
    return folder / "report.html"
