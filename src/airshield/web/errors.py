"""HTTP errors: user errors are 4xx JSON with the field path, never a 500, and never a server path.

A file named in a message is shown by its name alone (``/srv/runs/x/meta.json`` -> ``meta.json``), so
that error bodies do not tell a client how the server's disk is laid out.
"""

from __future__ import annotations

import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from airshield.errors import InputError
from airshield.web.scenarios import Forbidden, UnknownScenario
from airshield.web.yamlpos import line_of

ABSOLUTE_PATH = re.compile(r"(?<![\w.])/(?:[^\s'\":;,()<>/]+/)+([^\s'\":;,()<>/]*)")


def public(text: str | None) -> str | None:
    """``text`` with every absolute path cut to its last part."""
    return ABSOLUTE_PATH.sub(lambda m: m.group(1) or "/", text) if text else text


def input_error_body(exc: InputError, text: str | None = None) -> dict:
    """The JSON body of a 422: message, file, field path, expectation, hint and (with text) the line."""
    shown = InputError(public(exc.detail) or "", file=public(exc.file), path=exc.path,
                       expected=public(exc.expected), hint=public(exc.hint))
    body = {"detail": str(shown), "message": shown.detail, "file": shown.file, "path": exc.path,
            "expected": shown.expected, "hint": shown.hint}
    if text is not None:
        body["line"] = line_of(text, exc.path)
    return body


class LimitExceeded(Exception):
    """A request over the server's limits (replications, threats, size, queue)."""

    def __init__(self, status: int, message: str, path: str | None = None):
        super().__init__(message)
        self.status, self.message, self.path = status, message, path


def install(app: FastAPI) -> None:
    """Register the handlers: InputError 422 (404 for an unknown scenario), Forbidden 403, limits, bad
    request fields 422 without echoing values, and a last JSON 500 with no details."""

    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse(input_error_body(exc), status_code=404 if isinstance(exc, UnknownScenario) else 422)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> JSONResponse:
        return JSONResponse({"detail": public(str(exc))}, status_code=403)

    @app.exception_handler(LimitExceeded)
    async def _limit(request: Request, exc: LimitExceeded) -> JSONResponse:
        return JSONResponse({"detail": exc.message, "path": exc.path}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _fields(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"loc": [str(p) for p in e.get("loc", ())], "msg": str(e.get("msg", ""))[:200],
                     "type": e.get("type")} for e in exc.errors()[:20]]
        first = problems[0] if problems else {"loc": [], "msg": "invalid request"}
        return JSONResponse({"detail": f"{'.'.join(first['loc'])}: {first['msg']}", "errors": problems},
                            status_code=422)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"detail": f"internal error ({type(exc).__name__})"}, status_code=500)
