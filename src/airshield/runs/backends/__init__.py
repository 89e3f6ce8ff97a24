"""Where replications run: in this process, in local processes, or on a Ray cluster."""

from airshield.runs.backends.base import Backend, make_backend, open_backend
from airshield.runs.backends.local import LocalBackend, SerialBackend

__all__ = ["Backend", "LocalBackend", "SerialBackend", "make_backend", "open_backend"]
