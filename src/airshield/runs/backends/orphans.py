"""Worker processes die with their parent: a parent-death signal where Linux offers it, and a watchdog.

A worker of a killed run (``kill -9``) would otherwise keep simulating, unseen, until its chunk ends.
``die_with_parent`` is the pool's initializer: the kernel sends SIGKILL to the worker when the thread
that started it ends (Linux ``PR_SET_PDEATHSIG``; the run's pool is started and closed by one thread),
and a daemon thread checks every half second that the parent is still the same process and else ends
the worker at once.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_PERIOD = 0.5  # [s]


def die_with_parent(parent_pid: int) -> None:
    """Make this worker end when process ``parent_pid`` ends (call first thing in the worker)."""
    _parent_death_signal()
    if os.getppid() != parent_pid:
        os._exit(1)
    threading.Thread(target=_watch, args=(parent_pid,), name="airshield-watchdog", daemon=True).start()


def _parent_death_signal() -> None:
    """Ask Linux to SIGKILL this process when its parent ends; nothing elsewhere."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the watchdog still ends the worker


def _watch(parent_pid: int) -> None:
    while True:
        time.sleep(WATCH_PERIOD)
        if os.getppid() != parent_pid:
            os._exit(1)
