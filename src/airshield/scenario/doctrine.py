"""Scenario model of the defender's firing doctrine."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from airshield.scenario.base import Count, ScenarioModel
from airshield.vocabulary import POLICIES, THREAT_CLASSES

ThreatClassName = Literal[THREAT_CLASSES]  # type: ignore[valid-type]


class ReserveRule(ScenarioModel):
    """Keep a munition for some threat classes (e.g. PAC-3 MSE for ballistic missiles)."""

    munition: str = Field(description="munition key, e.g. pac-3-mse")
    only_against: list[ThreatClassName] = Field(min_length=1, description="threat classes this munition may be fired at")


class Doctrine(ScenarioModel):
    """How fire units shoot."""

    salvo: dict[str, Count] = Field(
        default_factory=lambda: {"default": 1, "ballistic": 2, "aeroballistic": 2},
        description="interceptors per engagement by threat class, with a 'default' entry [rounds]")
    shoot_look_shoot: bool = Field(True, description="after a miss, engage again if time allows; if false, one engagement per unit and threat")
    reserve: list[ReserveRule] = Field(default_factory=list, description="munitions kept for some threat classes")
    priorities: dict[ThreatClassName, float] = Field(
        default_factory=lambda: {"aeroballistic": 3.0, "ballistic": 3.0, "supersonic_cruise": 2.0, "cruise": 1.5,
                                 "aircraft": 4.0},
        description="weight on the value at risk by threat class; classes not listed weigh 1 (an aircraft's value at "
                    "risk is one of its weapons' while it flies towards the targets, none on its way home) [-]")
    max_cost_ratio: float | None = Field(
        None, gt=0, description="never fire a round costing more than this multiple of the threat's unit cost (decoys count as drones) [-]")
    assigner: Literal[POLICIES] = Field(  # type: ignore[valid-type]
        "greedy", description="assignment policy at each decision: greedy maximum marginal return; cost-aware greedy; "
                              "weapon-target assignment (heuristic solver); cost-aware WTA; WTA with the exact solver")
    value_per_musd: float = Field(
        0.05, ge=0, le=1e6, description="cost-aware policies fire only if the value saved (over cheap later chances) "
                                       "is worth at least this much per million USD spent [value points / M USD]")
    decoy_belief: float = Field(
        0.0, ge=0, le=1, description="the defender's belief that a drone-like track is a decoy; lowers its value at risk [-]")
