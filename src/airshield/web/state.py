"""What the app's routes share: the runs folder, the scenario library, limits and the run queue."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from fastapi import HTTPException, Request

from airshield.runs.store import META, RunStore
from airshield.safepaths import OutsideRoot, inside
from airshield.web.cache import ResponseCache
from airshield.web.jobs import JobQueue
from airshield.web.limits import Limits
from airshield.web.scenarios import ScenarioLibrary


@dataclass
class AppState:
    runs_dir: Path
    library: ScenarioLibrary
    limits: Limits
    jobs: JobQueue
    cache: ResponseCache = field(default_factory=ResponseCache)

    def store(self, name: str) -> RunStore:
        """The run directory ``name`` directly under the runs folder, or 404 (400 for traversal)."""
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise HTTPException(400, detail="not a run name")
        try:
            path = inside(self.runs_dir, name, kind="run")
            inside(path, META, kind="run")
        except OutsideRoot as exc:
            raise HTTPException(400, detail=exc.detail) from None
        if not (path / META).is_file():
            raise HTTPException(404, detail=f"no run named '{name[:80]}' in the runs folder")
        return RunStore(path)


async def state(request: Request) -> AppState:
    """The app's shared state (a coroutine, so that FastAPI resolves it on the event loop)."""
    return request.app.state.airshield
