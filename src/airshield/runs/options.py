"""How to run a World: one frozen record passed down from the API and the CLI to the runner."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from numbers import Integral
from typing import Any

from airshield.errors import InputError, did_you_mean
from airshield.world import RunSpec

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RunOptions:
    """Options of a Monte Carlo run.

    ``replications`` and ``seed``: None takes the scenario's ``run`` settings. ``workers`` local
    processes (or Ray tasks with ``backend='ray'``, joining ``address`` host:port if given) give
    identical results for any count. ``out``: store the run in a new folder under it (None: keep
    it in memory only). ``keep_events``: keep every replication's EventLog. ``until_precision``:
    add replications until the 95 % interval of mean value lost is narrower than this share of the
    mean, at most ``max_replications``. ``progress``: a callback(done, total), True or False for a
    progress bar, or None for a bar only in notebooks and terminals.
    """

    replications: int | None = None
    seed: int | None = None
    workers: int = 1
    backend: str = "local"
    address: str | None = None
    out: Path | None = None
    keep_events: bool = False
    until_precision: float | None = None
    max_replications: int = 10_000
    progress: bool | Progress | None = None

    def __post_init__(self) -> None:
        _whole("replications", self.replications, 1, optional=True)
        _whole("seed", self.seed, 0, optional=True)
        _whole("workers", self.workers, 1)
        _whole("max_replications", self.max_replications, 1)
        if self.until_precision is not None and not (isinstance(self.until_precision, (int, float))
                                                     and self.until_precision > 0):
            raise InputError(f"until_precision {self.until_precision!r}", path="until_precision",
                             expected="a share of the mean above 0, e.g. 0.05")
        if self.out is not None and not isinstance(self.out, Path):
            object.__setattr__(self, "out", Path(self.out))

    @classmethod
    def of(cls, **options: Any) -> "RunOptions":
        """RunOptions from keywords; an unknown keyword is an InputError with a did-you-mean."""
        names = [f.name for f in dataclasses.fields(cls)]
        for name in options:
            if name not in names:
                raise InputError(f"unknown run option '{name}'", path=name, expected="one of: " + ", ".join(names),
                                 hint=did_you_mean(name, names))
        return cls(**options)

    def replace(self, **changes: Any) -> "RunOptions":
        """A copy with ``changes``."""
        return dataclasses.replace(self, **changes)

    def for_world(self, spec: RunSpec) -> "RunOptions":
        """These options with seed and replications taken from the scenario where not given."""
        return self.replace(seed=spec.seed if self.seed is None else self.seed,
                            replications=spec.replications if self.replications is None else self.replications)


def _whole(name: str, value: Any, least: int, optional: bool = False) -> None:
    if value is None and optional:
        return
    if isinstance(value, bool) or not isinstance(value, Integral) or value < least:
        raise InputError(f"{name} {value!r}", path=name, expected=f"a whole number of at least {least}")
