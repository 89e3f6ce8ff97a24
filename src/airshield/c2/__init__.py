"""Command and control: threat evaluation and weapon-target assignment."""

from airshield.c2.assigner import Assigner, Candidates, GreedyAssigner

__all__ = ["Assigner", "Candidates", "GreedyAssigner"]
