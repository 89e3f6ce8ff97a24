"""The ASGI app: the HTTP API (schema at /openapi.json, offline reference at /docs) and the single-page
map front end."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from airshield._version import __version__
from airshield.web import api_plans, api_runs, api_scenarios, apidocs, errors
from airshield.web.basemap import basemap_geojson
from airshield.web.jobs import JobQueue
from airshield.web.limits import Limits
from airshield.web.scenarios import ScenarioLibrary
from airshield.web.state import AppState


def static_dir() -> Path:
    return Path(str(resources.files("airshield.web") / "static"))


def create_app(runs_dir: str | Path = "runs", scenario_dirs: Iterable[str | Path] = (),
               limits: Limits | None = None, plans_dir: str | Path = "plans") -> FastAPI:
    """The app serving runs under ``runs_dir``, planning results under ``plans_dir`` and scenario files
    from ``scenario_dirs`` only."""
    limits = limits or Limits()
    runs_path = Path(runs_dir).absolute()
    runs_path.mkdir(parents=True, exist_ok=True)
    app = FastAPI(title="airshield", version=__version__, docs_url=None, redoc_url=None,
                  description="Run air-defence scenarios, watch progress, replay raids, compare runs, download "
                              "reports and map exports. Scenario files are read only from the configured folders.")
    app.state.airshield = AppState(runs_path, ScenarioLibrary(tuple(Path(d).absolute() for d in scenario_dirs)),
                                   limits, JobQueue(runs_path, workers=limits.workers, max_queued=limits.max_queued))
    app.state.plans_dir = Path(plans_dir).absolute()
    errors.install(app)
    apidocs.install(app)
    _limit_body_size(app, limits.max_request_bytes)
    app.include_router(api_scenarios.router)
    app.include_router(api_runs.router)
    app.include_router(api_plans.router)

    @app.get("/api/basemap", tags=["map"], summary="Oblast boundaries as GeoJSON (the offline basemap)")
    def basemap() -> JSONResponse:
        return JSONResponse(basemap_geojson())

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static_dir() / "index.html")

    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    return app


def _limit_body_size(app: FastAPI, max_bytes: int) -> None:
    @app.middleware("http")
    async def _size(request, call_next):
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > max_bytes + 4096:
            return JSONResponse({"detail": f"request body of {length} bytes is over the server's limit of "
                                           f"{max_bytes} bytes"}, status_code=413)
        return await call_next(request)
