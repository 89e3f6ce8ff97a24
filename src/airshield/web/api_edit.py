"""Routes: preview a scenario's laydown on the map before running it, and edit the laydown from the map."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from airshield.catalogue import load_catalogue
from airshield.errors import InputError
from airshield.report.scene import build_scene
from airshield.scenario.laydown_edit import LaydownEdit, edit_laydown
from airshield.web.api_scenarios import ScenarioText, compile_text
from airshield.web.errors import LimitExceeded, input_error_body
from airshield.web.state import AppState, state

router = APIRouter(prefix="/api", tags=["scenarios"])


class LaydownRequest(BaseModel):
    yaml: str = Field(description="the scenario YAML text to edit")
    op: Literal["add", "move", "delete"] = Field(description="what to do")
    kind: Literal["fire_unit", "sensor", "ew_zone"] = Field(description="which list the item is in")
    name: str | None = Field(None, max_length=120, description="the item (move, delete; optional for add)")
    type: str | None = Field(None, max_length=120, description="catalogue type key of a new item, e.g. gepard")
    lat: float | None = Field(None, ge=-90, le=90, description="latitude [deg] (add, move)")
    lon: float | None = Field(None, ge=-180, le=180, description="longitude [deg] (add, move)")


@router.post("/preview", summary="A scenario's laydown as map layers (lon/lat) before it is run, or 422 with the "
             "field path and line")
def preview(body: ScenarioText, app: AppState = Depends(state)):
    try:
        return build_scene(compile_text(app, body.yaml)).to_dict()
    except InputError as exc:
        return JSONResponse(input_error_body(exc, body.yaml), status_code=422)


@router.post("/laydown", summary="Add, move or delete a fire unit, sensor or EW zone in scenario YAML text; "
             "comments and layout are kept")
def laydown(body: LaydownRequest, app: AppState = Depends(state)):
    if len(body.yaml.encode("utf-8")) > app.limits.max_request_bytes:
        raise LimitExceeded(413, "the scenario text is over the server's size limit", "yaml")
    shown = body.yaml
    try:
        shown, name = edit_laydown(body.yaml, LaydownEdit(body.op, body.kind, body.name, body.type, body.lat, body.lon))
        compile_text(app, shown)
    except InputError as exc:
        return JSONResponse(input_error_body(exc, shown), status_code=422)
    return {"yaml": shown, "name": name}


@router.get("/catalogue/types", summary="Catalogue type keys that can be placed: effectors, sensors, EW")
async def types(app: AppState = Depends(state)) -> Response:
    def build() -> dict:
        catalogue = load_catalogue()
        return {"fire_unit": sorted(catalogue.effectors), "sensor": sorted(catalogue.sensors),
                "ew_zone": sorted(catalogue.ew)}
    return await app.cache.json(("catalogue-types",), (), build)
