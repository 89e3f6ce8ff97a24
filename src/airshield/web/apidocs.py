"""An offline page documenting the HTTP API from the app's own OpenAPI schema.

FastAPI's default /docs page loads Swagger UI from a CDN; airshield must work with no network, so
/docs is this plain page (every path, method, summary and parameter) and /openapi.json is the schema.
"""

from __future__ import annotations

import html

from fastapi import FastAPI
from fastapi.responses import HTMLResponse


def install(app: FastAPI) -> None:
    """Serve the offline API reference at /docs."""

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(render(app.openapi()))


def render(schema: dict) -> str:
    """HTML of the API reference."""
    rows = []
    for path, methods in sorted(schema.get("paths", {}).items()):
        for method, spec in methods.items():
            params = ", ".join(html.escape(p["name"]) for p in spec.get("parameters", []))
            body = "JSON body" if "requestBody" in spec else ""
            rows.append(f"<tr><td><code>{method.upper()}</code></td><td><code>{html.escape(path)}</code></td>"
                        f"<td>{html.escape(spec.get('summary', ''))}</td><td>{params} {body}</td></tr>")
    info = schema.get("info", {})
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>airshield API</title>"
            "<style>body{font-family:sans-serif;margin:2em;color:#111}td,th{padding:4px 8px;border-bottom:1px solid #ccc;"
            "text-align:left}code{font-size:0.95em}</style></head><body>"
            f"<h1>{html.escape(info.get('title', 'API'))} {html.escape(str(info.get('version', '')))}</h1>"
            f"<p>{html.escape(info.get('description', ''))}</p>"
            "<p>The machine-readable schema is at <a href='/openapi.json'>/openapi.json</a>.</p>"
            "<table><thead><tr><th>method</th><th>path</th><th>what</th><th>inputs</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></body></html>")
