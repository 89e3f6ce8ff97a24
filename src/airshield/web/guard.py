"""Request bodies held to the server's limit on the stream, and JSON refused unless it is finite.

The limit is enforced on the bytes actually received, so a chunked body (no ``Content-Length``) or a
lying header cannot make the server read more than ``max_bytes``. A JSON body with ``NaN``,
``Infinity``, a number that overflows to infinity (``1e400``), an integer of thousands of digits or
nesting deeper than Python can parse is a 422 before any route sees it.
"""

from __future__ import annotations

import json
import math

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

BODYLESS = ("GET", "HEAD", "OPTIONS", "DELETE")


class BodyGuard:
    """ASGI middleware: 413 past ``max_bytes`` of body, 422 for non-finite or unreadable JSON."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in BODYLESS:
            await self.app(scope, receive, send)
            return
        declared = header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _too_large(self.max_bytes)(scope, receive, send)
            return
        body = await self._read(receive)
        if body is None:
            await _too_large(self.max_bytes)(scope, receive, send)
            return
        problem = json_problem(body) if b"json" in (header(scope, b"content-type") or "").encode() else None
        if problem:
            await JSONResponse({"detail": problem, "path": "body"}, status_code=422)(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read(self, receive: Receive) -> bytes | None:
        """The whole body, or None as soon as it passes ``max_bytes``."""
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return None
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)


def json_problem(body: bytes) -> str | None:
    """Why ``body`` is not acceptable JSON (non-finite numbers, too deep, not JSON), or None."""
    if not body.strip():
        return None
    try:
        json.loads(body, parse_constant=_refuse_constant, parse_float=_finite_float)
    except _NonFinite as exc:
        return f"the JSON body holds {exc}, which is not a finite number"
    except RecursionError:
        return "the JSON body is nested too deeply"
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, integers of too many digits
        return f"the body is not valid JSON ({str(exc)[:120]})"
    return None


class _NonFinite(ValueError):
    pass


def _refuse_constant(name: str) -> float:
    raise _NonFinite(name)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NonFinite(text[:40])
    return value


def header(scope: Scope, name: bytes) -> str | None:
    """The value of request header ``name`` (lower-case bytes), or None."""
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1").strip()
    return None


def _too_large(max_bytes: int) -> JSONResponse:
    return JSONResponse({"detail": f"the request body is over the server's limit of {max_bytes} bytes"},
                        status_code=413, headers={"Connection": "close"})


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives ``body`` once, then whatever the client sends next (a disconnect)."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
