"""What the app's routes share: the runs folder, the scenario library, limits and the run queue."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fastapi import HTTPException, Request

from airshield.runs.store import META, RunStore
from airshield.web.jobs import JobQueue
from airshield.web.limits import Limits
from airshield.web.scenarios import ScenarioLibrary


@dataclass
class AppState:
    runs_dir: Path
    library: ScenarioLibrary
    limits: Limits
    jobs: JobQueue

    def store(self, name: str) -> RunStore:
        """The run directory ``name`` directly under the runs folder, or 404 (400 for traversal)."""
        if not name or "/" in name or "\\" in name or name in (".", "..") or name.startswith("."):
            raise HTTPException(400, detail=f"'{name}' is not a run name")
        path = self.runs_dir / name
        if not (path / META).is_file() or not path.resolve().parent == self.runs_dir.resolve():
            raise HTTPException(404, detail=f"no run named '{name}' in the runs folder")
        return RunStore(path)


def state(request: Request) -> AppState:
    return request.app.state.airshield
