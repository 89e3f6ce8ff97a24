"""One simulated night of a month: the engine on a scenario document, memoised per replication.

Two cases that reach the same defence and stocks on the same night get the same document and seed,
so the simulation is run once and shared (exact, not an approximation)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np

from airshield.analysis.metrics import replication_metrics
from airshield.engine.replication import run_replication
from airshield.planning.common import world_of
from airshield.history.predict import type_classes


@dataclass(frozen=True)
class NightOutcome:
    """What one night did: value lost [points], weapons launched / destroyed / EW-lost, rounds fired."""

    value_lost: float
    launched: int
    destroyed: int
    ew_lost: int
    fired: dict[str, int]
    groups: dict[str, tuple[int, int]] = field(default_factory=dict)  # group -> (launched, neutralised)

    @classmethod
    def empty(cls) -> "NightOutcome":
        return cls(0.0, 0, 0, 0, {})


@dataclass
class NightSimulator:
    """Runs nights for one replication; ``runs`` counts the engine runs, ``hits`` the shared ones."""

    seed: int
    label: str
    cache: dict[str, NightOutcome] = field(default_factory=dict)
    runs: int = 0
    hits: int = 0

    def __call__(self, document: dict | None, spawn_key: tuple[int, ...]) -> NightOutcome:
        if document is None:
            return NightOutcome.empty()
        key = json.dumps([document["raid"], document["fire_units"], spawn_key], sort_keys=True, default=str)
        if key in self.cache:
            self.hits += 1
            return self.cache[key]
        world = world_of(document, label=f"{self.label} (night {spawn_key})")
        log = run_replication(world, np.random.SeedSequence(self.seed, spawn_key=spawn_key))
        m = replication_metrics(world, log)
        totals = m.totals
        outcome = NightOutcome(float(m.value_lost), int(totals["launched"]), int(totals["destroyed"]),
                               int(totals["ew_lost"]), {k: int(v["expended"]) for k, v in m.interceptors.items()},
                               _groups(m.by_threat, type_classes(world)))
        self.cache[key] = outcome
        self.runs += 1
        return outcome


def _groups(by_threat: dict[str, dict[str, int]], classes: dict[str, str]) -> dict[str, tuple[int, int]]:
    """Launched and neutralised (destroyed + EW-lost) per outlook group [weapons]; ``classes``:
    threat type key -> class."""
    from airshield.pledges.outlook import GROUPS
    out: dict[str, tuple[int, int]] = {}
    for key, row in by_threat.items():
        group = GROUPS.get(classes[key], "ballistic")
        launched, neutralised = out.get(group, (0, 0))
        out[group] = (launched + row["launched"], neutralised + row["destroyed"] + row["ew_lost"])
    return out
