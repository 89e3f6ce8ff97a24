"""Routes: planning results (placement, procurement, campaign) written by the CLI."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, Response

from airshield.runs.store import json_mapping, read_stored
from airshield.web.cache import file_signature
from airshield.web.plans import list_plans, plan_dir, plan_image, plan_report

router = APIRouter(prefix="/api", tags=["plans"])


def _root(request: Request):
    return request.app.state.plans_dir


@router.get("/plans", summary="Planning results in the plans folder (airshield plan placement|buy, campaign)")
async def plans(request: Request) -> Response:
    root = _root(request)
    files = sorted(root.rglob("plan.json")) if root.is_dir() else []
    signature = file_signature([root, *files, *(f.parent for f in files)])
    return await request.app.state.airshield.cache.json(("plans",), signature, lambda: list_plans(root))


@router.get("/plans/{name:path}/plan.json", summary="One plan: settings, seeds and results")
def plan(name: str, request: Request) -> dict:
    return read_stored(plan_dir(_root(request), name) / "plan.json", json_mapping, "plan.json")


@router.get("/plans/{name:path}/images/{image}", summary="A plot or map written with a plan")
def image(name: str, image: str, request: Request) -> FileResponse:
    return FileResponse(plan_image(_root(request), name, image), media_type="image/png")


@router.get("/plans/{name:path}/report.html", summary="The HTML report written with a plan (pledges assess --report)")
def report(name: str, request: Request) -> FileResponse:
    return FileResponse(plan_report(_root(request), name), media_type="text/html")
