"""The command line: parses, calls the Python API, prints. Nothing is computed here."""

from airshield.cli.main import main

__all__ = ["main"]
