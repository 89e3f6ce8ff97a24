"""Encoded responses kept while the files they come from are unchanged.

Scenes, replays, plots and listings take from milliseconds to seconds of CPU to build; under many
clients, building each once and serving the bytes keeps the server responsive. An entry is keyed by
what was asked (e.g. ``("scene", run)``) and valid while its *signature* (sizes and modification
times of the files it was built from) is the same. Concurrent requests for the same missing entry
wait for one build instead of all building it.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path

from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool


class ResponseCache:
    """A thread-safe LRU of at most ``size`` encoded JSON bodies."""

    def __init__(self, size: int = 128):
        self.size = size
        self._items: OrderedDict[Hashable, tuple[Hashable, bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self._building: dict[Hashable, threading.Lock] = {}

    async def json(self, key: Hashable, signature: Hashable, build: Callable[[], object]) -> Response:
        """The JSON response of ``build()``, built at most once per (``key``, ``signature``).

        A hit is served on the event loop at once; a miss is built in a worker thread, so that the
        loop keeps serving other requests meanwhile."""
        body = self._get(key, signature)
        if body is None:
            body = await run_in_threadpool(self.bytes, key, signature, lambda: encode(build()))
        return Response(body, media_type="application/json")

    def bytes(self, key: Hashable, signature: Hashable, build: Callable[[], bytes]) -> bytes:
        """``build()``'s bytes, cached under ``key`` while ``signature`` holds."""
        hit = self._get(key, signature)
        if hit is not None:
            return hit
        with self._lock:
            building = self._building.setdefault(key, threading.Lock())
        with building:
            hit = self._get(key, signature)
            if hit is None:
                hit = build()
                self._put(key, signature, hit)
        return hit

    def _get(self, key: Hashable, signature: Hashable) -> bytes | None:
        with self._lock:
            entry = self._items.get(key)
            if entry is None or entry[0] != signature:
                return None
            self._items.move_to_end(key)
            return entry[1]

    def _put(self, key: Hashable, signature: Hashable, value: bytes) -> None:
        with self._lock:
            self._items[key] = (signature, value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                old, _ = self._items.popitem(last=False)
                self._building.pop(old, None)


def encode(data: object) -> bytes:
    """Compact JSON; NaN and infinity refused as FastAPI does."""
    return json.dumps(data, separators=(",", ":"), allow_nan=False).encode()


def file_signature(paths: Iterable[Path]) -> tuple:
    """(name, size, mtime) of each path that exists: changes when any of them is written."""
    signature = []
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        signature.append((str(path), info.st_size, info.st_mtime_ns))
    return tuple(signature)
