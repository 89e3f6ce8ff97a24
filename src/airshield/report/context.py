"""A stored run opened for reporting: its store, compiled world and map scene."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from airshield.report.scene import Scene, build_scene
from airshield.report.tracks import Tracks, build_tracks, events_of
from airshield.runs.store import RunStore
from airshield.world import World, load_world


@dataclass
class RunContext:
    """Everything the exports and the report read from one run directory."""

    store: RunStore

    @classmethod
    def open(cls, run: RunStore | str | Path) -> "RunContext":
        return cls(run if isinstance(run, RunStore) else RunStore.open(Path(run)))

    @cached_property
    def world(self) -> World:
        return load_world(text=self.store.scenario_text(), file=str(self.store.dir / "scenario.yaml"))

    @cached_property
    def scene(self) -> Scene:
        return build_scene(self.world)

    def tracks(self, replication: int = 0) -> Tracks:
        """Threat tracks of one replication (InputError when the run kept no events)."""
        return build_tracks(events_of(self.store, replication), self.world.projection)

    def has_events(self) -> bool:
        return any((self.store.dir / "events").glob("rep-*.parquet"))
