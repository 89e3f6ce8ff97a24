"""airshield: layered air defence against mass drone and missile raids."""

__version__ = "0.1.0"
