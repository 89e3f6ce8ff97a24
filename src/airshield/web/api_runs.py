"""Routes: start, watch and cancel runs; stored runs, replay data, plots, comparison, report and exports."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field

from airshield.errors import InputError
from airshield.report import plots
from airshield.report.context import RunContext
from airshield.report.exports import FORMATS, default_name, export_run
from airshield.report.html import render_report
from airshield.report.metrics_table import TABLE_FORMATS, metrics_bytes
from airshield.runs.compare import compare_runs
from airshield.runs.compare_diff import with_difference
from airshield.runs.store import META, SCENARIO, SUMMARY, RunStore, list_runs
from airshield.web.cache import file_signature
from airshield.web.api_scenarios import compile_text
from airshield.web.errors import LimitExceeded, input_error_body
from airshield.web.replay import replay_data
from airshield.web.state import AppState, state

router = APIRouter(prefix="/api", tags=["runs"])
RUN_FILES = (META, SUMMARY, SCENARIO)


class RunRequest(BaseModel):
    scenario: str | None = Field(None, description="built-in scenario name or file name in the server's folders")
    yaml: str | None = Field(None, description="scenario YAML text (instead of scenario)")
    replications: int | None = Field(None, ge=1, description="replications (default: the scenario's)")
    seed: int | None = Field(None, ge=0, description="seed (default: the scenario's)")


@router.get("/limits", summary="The server's limits per request")
async def limits(app: AppState = Depends(state)) -> dict:
    return app.limits.to_dict()


@router.post("/runs", status_code=202, summary="Queue a run; runs are executed one at a time")
def start_run(body: RunRequest, app: AppState = Depends(state)):
    if (body.scenario is None) == (body.yaml is None):
        raise LimitExceeded(422, "give either 'scenario' (a name) or 'yaml' (scenario text)", "scenario")
    try:
        text = app.library.text(body.scenario) if body.scenario is not None else body.yaml
        world = compile_text(app, text, uploaded=body.yaml is not None)
    except InputError as exc:
        return JSONResponse(input_error_body(exc, body.yaml), status_code=422)
    replications = body.replications or world.run.replications
    seed = world.run.seed if body.seed is None else body.seed
    lim = app.limits
    if replications > lim.max_replications:
        raise LimitExceeded(422, f"{replications} replications are over the server's limit of {lim.max_replications}",
                            "replications")
    if world.threat_count > lim.max_threats:
        raise LimitExceeded(422, f"the raid has {world.threat_count} threats, over the server's limit of {lim.max_threats}",
                            "raid.waves")
    if app.jobs.active() >= lim.max_queued:
        raise LimitExceeded(429, f"{lim.max_queued} runs are queued or running already; wait or cancel one")
    job = app.jobs.submit(world, scenario=body.scenario or world.name, seed=seed, replications=replications)
    return job.to_dict()


@router.get("/jobs", summary="Queued, running and finished runs of this server session")
async def jobs(app: AppState = Depends(state)) -> list[dict]:
    return [j.to_dict() for j in app.jobs.all()]


@router.get("/jobs/{job_id}", summary="One run's status and progress (done of total replications)")
def job(job_id: str, app: AppState = Depends(state)) -> dict:
    return _found(app.jobs.get(job_id), job_id)


@router.post("/jobs/{job_id}/cancel", summary="Cancel a queued or running run")
def cancel(job_id: str, app: AppState = Depends(state)) -> dict:
    return _found(app.jobs.cancel(job_id), job_id)


def _found(job, job_id: str) -> dict:
    """The job as JSON, or 404 when there is no job ``job_id``."""
    if job is None:
        raise HTTPException(404, detail=f"no job '{job_id}'")
    return job.to_dict()


@router.get("/runs", summary="Stored runs in the runs folder (also those made by the CLI)")
async def runs(app: AppState = Depends(state)) -> Response:
    stores = list_runs(app.runs_dir)
    signature = file_signature(s.dir / f for s in stores for f in RUN_FILES)
    return await app.cache.json(("runs",), signature, lambda: _run_rows(stores))


def _run_rows(stores: list) -> list[dict]:
    rows = []
    for store in reversed(stores):
        try:
            meta, summary = store.meta(), store.summary() or {}
        except (OSError, ValueError, InputError):
            continue
        rows.append({"run": store.dir.name, "scenario": meta.get("scenario"), "status": meta.get("status"),
                     "seed": meta.get("seed"),
                     "replications": meta.get("replications", meta.get("replications_requested")),
                     "started": meta.get("started"), "has_events": any((store.dir / "events").glob("rep-*.parquet")),
                     "value_lost_mean": (summary.get("value_lost") or {}).get("mean")})
    return rows


@router.get("/runs/{run}", summary="A stored run's metadata and summary")
async def run_detail(run: str, app: AppState = Depends(state)) -> Response:
    store = app.store(run)
    return await app.cache.json(("run", run), _signature(store),
                          lambda: {"run": run, "meta": store.meta(), "summary": store.summary()})


@router.get("/runs/{run}/scene", summary="The run's scenario as map layers (lon/lat)")
async def scene(run: str, app: AppState = Depends(state)) -> Response:
    store = app.store(run)
    return await app.cache.json(("scene", run), _signature(store), lambda: RunContext.open(store).scene.to_dict())


@router.get("/runs/{run}/replay", summary="Compact threat tracks and events of one replication")
async def replay(run: str, replication: int = Query(0, ge=0, le=10_000_000), app: AppState = Depends(state)) -> Response:
    store = app.store(run)
    events = store.dir / "events" / f"rep-{replication:06d}.parquet"
    return await app.cache.json(("replay", run, replication), _signature(store, events),
                          lambda: replay_data(RunContext.open(store).tracks(replication), replication))


@router.get("/runs/{run}/plots", summary="The report's plots as PNG data URIs")
async def run_plots(run: str, app: AppState = Depends(state)) -> Response:
    store = app.store(run)
    summary = _summary(store, run)
    return await app.cache.json(("plots", run), _signature(store), lambda: {
        "outcome_by_type": plots.outcome_by_type(summary), "value_by_asset": plots.value_by_asset(summary),
        "interceptors_and_cost": plots.interceptors_and_cost(summary),
        "value_distribution": plots.value_distribution(store.metrics())})


@router.get("/compare", summary="Headline measures of two or more runs side by side, with the difference of the "
            "last run from the first")
def compare(runs: list[str] = Query(..., max_length=8, description="run names, at least two"),
            app: AppState = Depends(state)) -> dict:
    if len(runs) < 2:
        raise HTTPException(422, detail="give at least two runs to compare")
    table = with_difference(compare_runs([app.store(r).dir for r in runs]))
    return {"runs": runs, "rows": json.loads(table.to_json(orient="records"))}


@router.get("/runs/{run}/metrics.{fmt}", summary="The run's metrics, one row per replication, as CSV or Parquet")
def metrics(run: str, fmt: str, app: AppState = Depends(state)) -> Response:
    if fmt not in TABLE_FORMATS:
        raise HTTPException(404, detail=f"unknown table format '{fmt[:20]}' (csv or parquet)")
    store = app.store(run)
    parts = sorted((store.dir / "metrics").glob("part-*.parquet"))
    data = app.cache.bytes(("metrics", run, fmt), file_signature(parts), lambda: metrics_bytes(store, fmt))
    media, suffix = TABLE_FORMATS[fmt]
    return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{run}-metrics{suffix}"'})


@router.get("/runs/{run}/report.html", response_class=HTMLResponse, summary="The self-contained report")
def report(run: str, replication: int = Query(0, ge=0), download: bool = False, app: AppState = Depends(state)):
    html = render_report(RunContext.open(app.store(run)), replication=replication)
    headers = {"Content-Disposition": f'attachment; filename="{run}-report.html"'} if download else {}
    return HTMLResponse(html, headers=headers)


@router.get("/runs/{run}/export/{fmt}", summary="GeoJSON, KML, CZML or GeoPackage of the run and one replication")
def export(run: str, fmt: str, replication: int = Query(0, ge=0),
           start: str | None = Query(None, max_length=40, description="the raid's time zero, ISO 8601 (default: the "
                                     "scenario's run.start if it has one, else 2025-01-01T00:00:00Z)"),
           app: AppState = Depends(state)) -> Response:
    if fmt not in FORMATS:
        raise HTTPException(404, detail=f"unknown format '{fmt}' (one of: {', '.join(FORMATS)})")
    store = app.store(run)
    text = export_run(store, fmt, replication, start=start)
    name = default_name(store.dir, fmt, replication)
    return Response(text, media_type=FORMATS[fmt][2], headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _signature(store: RunStore, *more: Path) -> tuple:
    """What a cached answer about ``store`` depends on: its meta, summary and scenario files (and ``more``)."""
    return file_signature([*(store.dir / f for f in RUN_FILES), *more])


def _summary(store, run: str) -> dict:
    summary = store.summary()
    if summary is None:
        raise HTTPException(409, detail=f"run '{run}' is not complete")
    return summary
