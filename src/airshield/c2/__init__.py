"""Command and control: threat evaluation and weapon-target assignment policies."""

from airshield.c2.assigner import Assigner, Candidates, GreedyAssigner, worth_firing
from airshield.c2.evaluation import Evaluation, evaluate_threats
from airshield.c2.policies import POLICIES, make_assigner
from airshield.c2.wta_assigner import WtaAssigner

__all__ = ["Assigner", "Candidates", "Evaluation", "GreedyAssigner", "POLICIES", "WtaAssigner", "evaluate_threats",
           "make_assigner", "worth_firing"]
