"""A progress bar on standard error, only for people: quiet under --json and when not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager


@contextmanager
def progress_bar(label: str, enabled: bool) -> Iterator[Callable[[int, int], None] | None]:
    """Yields a callback(done, total) that draws the bar, or None when the bar is off."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from airshield.progress import rich_bar
    with rich_bar(label) as update:
        yield update
