"""Scenarios: the schema, the loader (with ``extends``), composition with overrides, and the
built-in scenario files."""

from airshield.scenario.builtin import builtin_names
from airshield.scenario.compose import Composed, compose, load_scenario, load_scenario_text
from airshield.scenario.loader import locate
from airshield.scenario.schema import Scenario

__all__ = ["Composed", "Scenario", "builtin_names", "compose", "load_scenario", "load_scenario_text", "locate"]
