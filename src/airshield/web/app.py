"""The ASGI app: the HTTP API (schema at /openapi.json, offline reference at /docs) and the single-page
map front end."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from airshield._version import __version__
from airshield.web import api_edit, api_map, api_plans, api_runs, api_scenarios, api_tasks, apidocs, errors
from airshield.web.guard import BodyGuard
from airshield.web.jobs import JobQueue
from airshield.web.limits import Limits
from airshield.web.scenarios import ScenarioLibrary
from airshield.web.security import Access, Guard
from airshield.web.state import AppState


JSON_OVERHEAD = 4096  # [bytes] allowed beyond max_request_bytes for the JSON around the scenario text


def static_dir() -> Path:
    return Path(str(resources.files("airshield.web") / "static"))


def create_app(runs_dir: str | Path = "runs", scenario_dirs: Iterable[str | Path] = (),
               limits: Limits | None = None, plans_dir: str | Path = "plans", access: Access | None = None) -> FastAPI:
    """The app serving runs under ``runs_dir``, planning results under ``plans_dir`` and scenario files
    from ``scenario_dirs`` only; ``access`` (token, allowed Host names) as :func:`security.access_for`
    gives it, open by default (tests, a notebook)."""
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
    app.add_middleware(BodyGuard, max_bytes=limits.max_request_bytes + JSON_OVERHEAD)
    app.add_middleware(Guard, access=access or Access())
    app.include_router(api_scenarios.router)
    app.include_router(api_runs.router)
    app.include_router(api_plans.router)
    app.include_router(api_edit.router)
    app.include_router(api_map.router)
    app.include_router(api_tasks.router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(static_dir() / "index.html")

    app.mount("/static", StaticFiles(directory=static_dir()), name="static")
    return app

