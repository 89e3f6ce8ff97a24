"""airshield: layered air defence against mass drone and missile raids.

>>> import airshield
>>> result = airshield.run("kyiv-small", replications=5, seed=1)   # doctest: +SKIP

The API is imported on first use, so that ``airshield --help`` and ``--version`` start fast.
"""

from airshield._version import __version__

_API = ("DEFAULT_SCENARIO", "RunOptions", "RunResult", "load_scenario", "load_world", "resume", "run")

__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name in _API:
        from airshield import api
        return getattr(api, name)
    raise AttributeError(f"module 'airshield' has no attribute '{name}'")
