"""The web app: an HTTP API over the Python API and a map front end (``airshield serve``)."""

from airshield.web.limits import Limits


def create_app(*args, **kwargs):
    """See :func:`airshield.web.app.create_app` (imported lazily: FastAPI is an optional extra)."""
    from airshield.web.app import create_app as _create
    return _create(*args, **kwargs)


__all__ = ["Limits", "create_app"]
