"""Fixtures shared by the web tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium for one test module (skipped without it or Playwright)."""
    from browser_support import launched, require_browser
    with launched(require_browser()) as chromium:
        yield chromium
