"""Routes: start a sweep or a placement plan from the page; they queue like runs and land in the plans folder."""

from __future__ import annotations

import copy
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from airshield.errors import InputError
from airshield.web.api_scenarios import compile_text
from airshield.web.errors import LimitExceeded, input_error_body
from airshield.web.state import AppState, state
from airshield.web.tasks import placement_task, sweep_task
from airshield.world import World, load_world

router = APIRouter(prefix="/api", tags=["plans"])
MAX_POINTS = 24


class ScenarioChoice(BaseModel):
    scenario: str | None = Field(None, max_length=200, description="built-in scenario name or file name in the "
                                 "server's folders")
    yaml: str | None = Field(None, description="scenario YAML text (instead of scenario)")
    seed: int = Field(1, ge=0, le=2**32 - 1, description="seed of every simulation")
    replications: int = Field(4, ge=2, le=10_000, description="replications per sweep point or verified laydown")


class SweepRequest(ScenarioChoice):
    set: dict[str, list[Any]] = Field(..., min_length=1, max_length=4, description="field path -> values, e.g. "
                                      "{'raid.waves[0].count': [20, 40, 80]}; every combination is a point",
                                      examples=[{"raid.waves[0].count": [20, 40]}])


class PlacementRequest(ScenarioChoice):
    units: dict[str, int] = Field(..., min_length=1, max_length=8, description="unit type -> how many to place; "
                                  "they replace the scenario's units of those types", examples=[{"gepard": 4}])
    samples: int = Field(1, ge=1, le=20, description="sampled raids the coverage model is estimated from")


def _world(app: AppState, body: ScenarioChoice) -> World:
    if (body.scenario is None) == (body.yaml is None):
        raise LimitExceeded(422, "give either 'scenario' (a name) or 'yaml' (scenario text)", "scenario")
    text = app.library.text(body.scenario) if body.scenario is not None else body.yaml
    return compile_text(app, text, uploaded=body.yaml is not None)


def _check(app: AppState, world: World, replications: int) -> None:
    lim = app.limits
    if replications > lim.max_replications:
        raise LimitExceeded(422, f"{replications} replications in all are over the server's limit of "
                            f"{lim.max_replications}", "replications")
    if world.threat_count > lim.max_threats:
        raise LimitExceeded(422, f"the raid has {world.threat_count} threats, over the server's limit of "
                            f"{lim.max_threats}", "raid.waves")
    if app.jobs.active() >= lim.max_queued:
        raise LimitExceeded(429, f"{lim.max_queued} jobs are queued or running already; wait or cancel one")


@router.post("/sweeps", status_code=202, summary="Queue a sweep: the grid of field values, each point simulated")
def start_sweep(body: SweepRequest, request: Request, app: AppState = Depends(state)):
    sets = [(path, values) for path, values in body.set.items()]
    points = 1
    for _, values in sets:
        points *= max(len(values), 1)
    if not all(values for _, values in sets) or points > MAX_POINTS:
        raise LimitExceeded(422, f"a sweep from the page has 1 to {MAX_POINTS} points, not {points}", "set")
    if any(path.strip().startswith("extends") for path, _ in sets):
        raise LimitExceeded(422, "a sweep changes fields of the scenario, not what it extends", "set")
    try:
        world = _world(app, body)
        for path, values in sets:  # every value is checked before anything runs
            for value in values:
                load_world(copy.deepcopy(dict(world.document)), {path: value}, file=f"{world.name} with {path}")
    except InputError as exc:
        return JSONResponse(input_error_body(exc, body.yaml), status_code=422)
    _check(app, world, points * body.replications)
    task = sweep_task(request.app.state.plans_dir, world, world.name, sets, seed=body.seed,
                      replications=body.replications)
    job = app.jobs.submit_task("sweep", task, scenario=world.name, seed=body.seed, replications=body.replications,
                               total=points * body.replications)
    return job.to_dict()


@router.post("/plans/placement", status_code=202, summary="Queue a placement plan (coverage model + MILP, verified "
             "by simulation against two baselines)")
def start_placement(body: PlacementRequest, request: Request, app: AppState = Depends(state)):
    try:
        world = _world(app, body)
    except InputError as exc:
        return JSONResponse(input_error_body(exc, body.yaml), status_code=422)
    if not all(0 < n <= 50 for n in body.units.values()):
        raise LimitExceeded(422, "place 1 to 50 units of each type", "units")
    _check(app, world, 3 * body.replications)
    task = placement_task(request.app.state.plans_dir, world, world.name, body.units, seed=body.seed,
                          replications=body.replications, samples=body.samples)
    job = app.jobs.submit_task("placement", task, scenario=world.name, seed=body.seed,
                               replications=body.replications, total=3 * body.replications)
    return job.to_dict()
