"""The ``Backend`` role: run chunks of replications, yield results in any order."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager

from airshield.errors import InputError
from airshield.runs.task import ReplicationResult
from airshield.world import World

BACKENDS = ("local", "ray")


class Backend(ABC):
    """Runs replications of a World; results may arrive in any order."""

    name: str = "backend"
    workers: int = 1

    @abstractmethod
    def run(self, world: World, seed: int, indices: Sequence[int], keep_events: bool) -> Iterator[ReplicationResult]:
        """Yield the results of replications ``indices`` as they complete."""

    def map(self, fn: Callable, items: Iterable) -> Iterator:
        """``fn(item)`` for every item, results in item order (in this process by default).

        ``fn`` must be a module-level function so that process backends can pickle it; use this for
        independent tasks that are not replications of one World (e.g. one task per recorded raid)."""
        return map(fn, items)

    def close(self) -> None:
        """Release workers (no-op by default)."""


@contextmanager
def open_backend(name: str = "local", workers: int = 1, address: str | None = None) -> Iterator[Backend]:
    """A backend for the ``with`` block, closed (workers released) when the block ends."""
    backend = make_backend(name, workers, address)
    try:
        yield backend
    finally:
        backend.close()


def make_backend(name: str, workers: int = 1, address: str | None = None) -> Backend:
    """The backend called ``name`` ('local' or 'ray'), with ``workers`` processes."""
    if workers < 1:
        raise InputError(f"{workers} workers", path="--workers", expected="1 or more")
    if name == "local":
        from airshield.runs.backends.local import LocalBackend, SerialBackend
        return SerialBackend() if workers == 1 else LocalBackend(workers)
    if name == "ray":
        from airshield.runs.backends.ray import RayBackend
        return RayBackend(workers, address)
    raise InputError(f"unknown backend '{name}'", path="--backend", expected="one of: " + ", ".join(BACKENDS))
