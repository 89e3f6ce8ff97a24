"""airshield: layered air defence against mass drone and missile raids.

>>> import airshield
>>> result = airshield.run("kyiv-small", replications=5, seed=1)   # doctest: +SKIP
"""

from airshield.api import DEFAULT_SCENARIO, load_scenario, load_world, run

__version__ = "0.1.0"

__all__ = ["DEFAULT_SCENARIO", "__version__", "load_scenario", "load_world", "run"]
