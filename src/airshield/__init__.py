"""airshield: layered air defence against mass drone and missile raids.

>>> import airshield
>>> result = airshield.run("kyiv-small", replications=5, seed=1)   # doctest: +SKIP
"""

from airshield._version import __version__
from airshield.api import DEFAULT_SCENARIO, load_scenario, load_world, resume, run

__all__ = ["DEFAULT_SCENARIO", "__version__", "load_scenario", "load_world", "resume", "run"]
