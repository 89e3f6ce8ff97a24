"""Scenarios: the schema, the loader (with ``extends``), and the built-in scenario files."""

from airshield.scenario.builtin import builtin_names
from airshield.scenario.loader import load_scenario, load_scenario_text, locate
from airshield.scenario.schema import Scenario

__all__ = ["Scenario", "builtin_names", "load_scenario", "load_scenario_text", "locate"]
