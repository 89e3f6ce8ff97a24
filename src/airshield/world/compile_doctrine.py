"""Compile the doctrine: salvo sizes and priorities per threat class, reserve rules."""

from __future__ import annotations

import numpy as np

from airshield.catalogue import THREAT_CLASSES, Catalogue
from airshield.errors import InputError, unknown_name
from airshield.scenario.doctrine import Doctrine
from airshield.world.tables import DoctrineTable


def compile_doctrine(doctrine: Doctrine, file: str | None) -> DoctrineTable:
    """Salvo [rounds] and priority [-] per class as arrays in THREAT_CLASSES order."""
    choices = ("default", *THREAT_CLASSES)
    for key, rounds in doctrine.salvo.items():
        if key not in choices:
            raise unknown_name("threat class", key, choices, file=file, path=f"doctrine.salvo.{key}")
        if not 1 <= rounds <= 8:
            raise InputError(f"salvo of {rounds}", file=file, path=f"doctrine.salvo.{key}",
                             expected="1 to 8 rounds per engagement")
    default = doctrine.salvo.get("default", 1)
    salvo = np.array([doctrine.salvo.get(c, default) for c in THREAT_CLASSES], dtype=int)
    priority = np.array([doctrine.priorities.get(c, 1.0) for c in THREAT_CLASSES], dtype=float)
    if (priority < 0).any():
        raise InputError("negative priority", file=file, path="doctrine.priorities", expected="weights of 0 or more")
    ratio = doctrine.max_cost_ratio if doctrine.max_cost_ratio is not None else np.inf
    cost_aware = doctrine.assigner in ("cost-aware", "wta-cost")
    return DoctrineTable(salvo=salvo, shoot_look_shoot=doctrine.shoot_look_shoot, priority=priority,
                         max_cost_ratio=float(ratio), policy=doctrine.assigner,
                         value_per_musd=doctrine.value_per_musd if cost_aware else 0.0,
                         decoy_belief=doctrine.decoy_belief)


def reserve_classes(doctrine: Doctrine, catalogue: Catalogue, file: str | None) -> dict[str, set[str]]:
    """Munition key -> the classes it may be fired at, from the doctrine's reserve rules."""
    known = {m.key for e in catalogue.effectors.values() for m in e.munitions}
    rules: dict[str, set[str]] = {}
    for i, rule in enumerate(doctrine.reserve):
        if rule.munition not in known:
            raise unknown_name("munition", rule.munition, known, file=file, path=f"doctrine.reserve[{i}].munition")
        rules[rule.munition] = set(rule.only_against)
    return rules
