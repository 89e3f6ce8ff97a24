"""The app on a real uvicorn server in a background thread, on 127.0.0.1 and a free port (tests,
benchmarks, notebooks)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port free on ``host`` now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


@contextmanager
def running(app, host: str = "127.0.0.1", start_timeout: float = 20.0) -> Iterator[int]:
    """Serve ``app`` with uvicorn for the ``with`` block; yields the port; stops the server after."""
    import uvicorn
    port = free_port(host)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="airshield-uvicorn", daemon=True)
    thread.start()
    end = time.monotonic() + start_timeout
    while not server.started and time.monotonic() < end and thread.is_alive():
        time.sleep(0.05)
    if not server.started:
        raise RuntimeError("uvicorn did not start")
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(10)
