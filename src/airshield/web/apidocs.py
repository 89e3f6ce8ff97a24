"""The API reference at /docs: Swagger UI (swagger-ui-dist 5.35.0, bundled: no CDN) over /openapi.json.

The request models (pydantic) give every POST its request schema, which Swagger UI shows with an
example and a "Try it out" form. Without JavaScript, a plain table of the paths is shown instead.
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
    """HTML of the API reference page: Swagger UI, and a table of paths for readers without JavaScript."""
    info = schema.get("info", {})
    title = f"{html.escape(info.get('title', 'API'))} {html.escape(str(info.get('version', '')))}"
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>airshield API</title>"
            "<link rel='icon' href='data:,'><link rel='stylesheet' href='/static/swagger/swagger-ui.css'>"
            "</head><body><div id='swagger-ui' aria-label='API reference'></div>"
            f"<noscript><h1>{title}</h1><p>{html.escape(info.get('description', ''))}</p>"
            "<p>The machine-readable schema is at <a href='/openapi.json'>/openapi.json</a>.</p>"
            f"{_table(schema)}</noscript>"
            "<script src='/static/swagger/swagger-ui-bundle.js'></script>"
            "<script src='/static/swagger-init.js'></script></body></html>")


def _table(schema: dict) -> str:
    rows = []
    for path, methods in sorted(schema.get("paths", {}).items()):
        for method, spec in methods.items():
            params = ", ".join(html.escape(p["name"]) for p in spec.get("parameters", []))
            body = "JSON body" if "requestBody" in spec else ""
            rows.append(f"<tr><td><code>{method.upper()}</code></td><td><code>{html.escape(path)}</code></td>"
                        f"<td>{html.escape(spec.get('summary', ''))}</td><td>{params} {body}</td></tr>")
    return ("<table><thead><tr><th>method</th><th>path</th><th>what</th><th>inputs</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")
