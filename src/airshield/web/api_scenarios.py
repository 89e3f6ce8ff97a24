"""Routes: scenarios (list, read, validate)."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from airshield.errors import InputError
from airshield.scenario.builtin import builtin_dir
from airshield.web.cache import file_signature
from airshield.web.errors import LimitExceeded, input_error_body
from airshield.web.state import AppState, state
from airshield.world import World

router = APIRouter(prefix="/api", tags=["scenarios"])


class ScenarioText(BaseModel):
    yaml: str = Field(description="scenario YAML text")


def world_info(world: World) -> dict:
    return {"valid": True, "scenario": world.name, "threats": world.threat_count,
            "assets": len(world.assets.name), "sensors": len(world.sensors.name),
            "fire_units": len(world.units.name), "ew_zones": len(world.ew.name),
            "replications": world.run.replications, "seed": world.run.seed}


def compile_text(app: AppState, text: str, *, uploaded: bool = True) -> World:
    """The World of YAML text; InputError (422) for anything wrong with it, never a 500.
    Uploaded text is held to the request size limit; the server's own files are not."""
    if uploaded and len(text.encode("utf-8")) > app.limits.max_request_bytes:
        raise LimitExceeded(413, f"scenario text of {len(text.encode())} bytes is over the server's limit of "
                            f"{app.limits.max_request_bytes} bytes", "yaml")
    try:
        return app.library.world_from_text(text)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - a malformed scenario is the user's 422, not our 500
        raise InputError(f"cannot read the scenario: {type(exc).__name__}: {exc}", file="<editor>") from None


@router.get("/scenarios", summary="List built-in scenarios and scenario files in the server's folders")
async def list_scenarios(app: AppState = Depends(state)) -> Response:
    folders = [builtin_dir(), *app.library.folders]
    files = [f for folder in folders if folder.is_dir() for f in sorted(folder.glob("*.y*ml"))]
    return await app.cache.json(("scenarios",), file_signature([*folders, *files]), app.library.entries)


@router.get("/scenarios/{name:path}", summary="One scenario's YAML text (built-in name or file name)")
async def get_scenario(name: str, app: AppState = Depends(state)) -> Response:
    path = app.library.path_of(name)
    return await app.cache.json(("scenario", name), file_signature([path]),
                                lambda: {"name": name, "yaml": app.library.text(name)})


@router.post("/validate", summary="Validate scenario YAML: 200 with counts, or 422 with the field path and line")
def validate(body: ScenarioText, app: AppState = Depends(state)):
    try:
        return world_info(compile_text(app, body.yaml))
    except InputError as exc:
        return JSONResponse(input_error_body(exc, body.yaml), status_code=422)
