"""HTTP errors: user errors are 4xx JSON with the field path, never a 500."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from airshield.errors import InputError
from airshield.web.scenarios import Forbidden
from airshield.web.yamlpos import line_of


def input_error_body(exc: InputError, text: str | None = None) -> dict:
    """The JSON body of a 422: message, file, field path, expectation, hint and (with text) the line."""
    body = {"detail": str(exc), "message": exc.detail, "file": exc.file, "path": exc.path,
            "expected": exc.expected, "hint": exc.hint}
    if text is not None:
        body["line"] = line_of(text, exc.path)
    return body


class LimitExceeded(Exception):
    """A request over the server's limits (replications, threats, size, queue)."""

    def __init__(self, status: int, message: str, path: str | None = None):
        super().__init__(message)
        self.status, self.message, self.path = status, message, path


def install(app: FastAPI) -> None:
    @app.exception_handler(InputError)
    async def _input(request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse(input_error_body(exc), status_code=422)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=403)

    @app.exception_handler(LimitExceeded)
    async def _limit(request: Request, exc: LimitExceeded) -> JSONResponse:
        return JSONResponse({"detail": exc.message, "path": exc.path}, status_code=exc.status)
