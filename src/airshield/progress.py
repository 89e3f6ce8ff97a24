"""Progress bars for people: in terminals (standard error) and in notebooks, never in pipes and logs.

``progress`` options across the API take a callback(done, total), True or False, or None for
"automatic": a bar in a Jupyter notebook or when standard error is a terminal, none otherwise.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Callback = Callable[[int, int], None]


def in_notebook() -> bool:
    """Whether we run inside a Jupyter (IPython kernel) session."""
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    ipython = getattr(shell, "get_ipython", lambda: None)()
    return ipython is not None and "IPKernelApp" in getattr(ipython, "config", {})


def wanted(progress: bool | Callback | None) -> bool:
    """Whether ``progress`` asks for a drawn bar (None: in notebooks and terminals)."""
    if progress is None:
        return in_notebook() or sys.stderr.isatty()
    return progress is True


@contextmanager
def progress_callback(progress: bool | Callback | None, label: str) -> Iterator[Callback | None]:
    """Yields the callback to report progress through: ``progress`` itself when it is one, a
    rich bar when one is wanted (see :func:`wanted`), else None."""
    if callable(progress):
        yield progress
        return
    if not wanted(progress):
        yield None
        return
    with rich_bar(label) as update:
        yield update


@contextmanager
def rich_bar(label: str) -> Iterator[Callback]:
    """A transient rich progress bar (done of total, rate, time left); it renders in notebooks too."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task(label, total=None, rate="")

        def update(done: int, total: int) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = f"{done / elapsed:.1f}/s" if elapsed > 0 else ""
            bar.update(task, completed=done, total=total, rate=rate)

        yield update
