"""Routes: planning results (placement, procurement, campaign) written by the CLI."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse

from airshield.web.plans import list_plans, plan_dir, plan_image, plan_report

router = APIRouter(prefix="/api", tags=["plans"])


def _root(request: Request):
    return request.app.state.plans_dir


@router.get("/plans", summary="Planning results in the plans folder (airshield plan placement|buy, campaign)")
def plans(request: Request) -> list[dict]:
    return list_plans(_root(request))


@router.get("/plans/{name:path}/plan.json", summary="One plan: settings, seeds and results")
def plan(name: str, request: Request) -> dict:
    return json.loads((plan_dir(_root(request), name) / "plan.json").read_text())


@router.get("/plans/{name:path}/images/{image}", summary="A plot or map written with a plan")
def image(name: str, image: str, request: Request) -> FileResponse:
    return FileResponse(plan_image(_root(request), name, image), media_type="image/png")


@router.get("/plans/{name:path}/report.html", summary="The HTML report written with a plan (pledges assess --report)")
def report(name: str, request: Request) -> FileResponse:
    return FileResponse(plan_report(_root(request), name), media_type="text/html")
