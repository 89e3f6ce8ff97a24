"""Defaults shared by the API and the CLI (a light module: importing it loads nothing else)."""

DEFAULT_SCENARIO = "ukraine-national"
"""The scenario ``airshield run`` simulates when none is named."""

DEFAULT_RUNS = "runs"
"""The folder runs and sweeps are stored under when no ``out`` is given."""
