"""What the browser tests share: Debian's Chromium driven by Playwright (skipped without either; never a
downloaded browser) and pages whose every request must stay on 127.0.0.1."""

from __future__ import annotations

import json
import os
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = Path(os.environ.get("AIRSHIELD_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL = {"127.0.0.1"}


def require_browser():
    """Playwright's sync API, or skip the calling test module with the reason."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)", allow_module_level=True)
    pytest.importorskip("uvicorn", reason="the web app needs the 'web' extra")
    return pytest.importorskip("playwright.sync_api", reason="playwright is missing (pip install playwright)")


@contextmanager
def launched(sync_api):
    """Chromium for the ``with`` block."""
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@contextmanager
def guarded_page(browser, url: str, viewport: dict | None = None):
    """A page of ``url`` whose requests are recorded; requests leaving 127.0.0.1 are blocked and fail the test,
    as do page errors. Playwright's string waits need the page's policy bypassed here (the policy itself is
    checked by test_page_works_under_its_content_security_policy)."""
    context = browser.new_context(viewport=viewport or {"width": 1400, "height": 1000}, bypass_csp=True)
    outside: list[str] = []
    seen: list[str] = []

    def guard(route):
        request_url = route.request.url
        seen.append(request_url)
        if request_url.startswith(("data:", "blob:")) or urlparse(request_url).hostname in LOCAL:
            route.continue_()
        else:
            outside.append(request_url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: None if urlparse(req.url).hostname in LOCAL or req.url.startswith(("data:", "blob:"))
            else outside.append(req.url))
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)
    page.seen = seen
    yield page
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert errors == [], f"page errors: {errors}"
    context.close()


def api_json(base: str, path: str) -> dict:
    """GET ``base + path`` as JSON."""
    with urllib.request.urlopen(base + path) as response:
        return json.loads(response.read())
