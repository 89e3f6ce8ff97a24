"""The model's words, listed once: threat classes and their groups, assignment policies.

Every table with one column per threat class (kill probabilities, EW losses, salvo sizes, the
classes a sensor sees) uses the order of :data:`THREAT_CLASSES`; code asks for a class's column
with :func:`class_index` or a group's mask with :func:`class_mask`, never with a bare integer.
"""

from __future__ import annotations

import numpy as np

THREAT_CLASSES: tuple[str, ...] = (
    "drone", "decoy", "jet_drone", "cruise", "supersonic_cruise", "ballistic", "aeroballistic",
    "aircraft", "glide_bomb",
)
"""Every threat class, in the column order of per-class tables (new classes are appended, so that
tables keyed by class name keep their meaning). ``aircraft``: a carrier that launches other threats
and flies home; ``glide_bomb``: a bomb with a glide kit released by a carrier. Neither is in the
raid records' groups."""

CLASS_GROUPS: dict[str, tuple[str, ...]] = {
    "drone": ("drone", "decoy", "jet_drone"),
    "cruise": ("cruise", "supersonic_cruise"),
    "ballistic": ("ballistic", "aeroballistic"),
}
"""The groups the raid records report: drones (with decoys and jet drones), cruise and ballistic
missiles."""

GROUP_OF_CLASS: dict[str, str] = {c: g for g, classes in CLASS_GROUPS.items() for c in classes}
"""Threat class -> its group in :data:`CLASS_GROUPS`."""

DRONE_LIKE: tuple[str, ...] = CLASS_GROUPS["drone"]
"""Classes that fly like drones: slow, low, dog-legging; threat evaluation spreads their aim widely."""

BALLISTIC: tuple[str, ...] = CLASS_GROUPS["ballistic"]
"""Ballistic and aeroballistic classes."""

CARRIER = "aircraft"
"""The class of carriers: aircraft that fly from a base to a release point, release the weapons
they carry there, and fly back."""

GLIDE_BOMB = "glide_bomb"
"""The class of glide bombs: released by a carrier at altitude, they glide straight to the target."""

ARC_CLASSES: tuple[str, ...] = (*BALLISTIC, GLIDE_BOMB)
"""Classes that fly arcs (a ballistic arc, or a glide from the release altitude) instead of routes."""

AIR_LAUNCHED: tuple[str, ...] = ("aeroballistic",)
"""Classes released at altitude (``run.engine.aeroballistic_launch_altitude_m``) rather than
launched from the ground when no carrier brings them (a carrier releases its weapons at its
loadout's release altitude)."""

DECOY = "decoy"
"""The class that carries no warhead and that the defence perceives as the drones it imitates."""

IMITATED = "drone"
"""The class a decoy is perceived as."""

POLICIES: tuple[str, ...] = ("greedy", "cost-aware", "wta", "wta-cost", "wta-exact")
"""Assignment policies a doctrine may name (see :mod:`airshield.c2.policies`)."""

COST_AWARE_POLICIES: tuple[str, ...] = ("cost-aware", "wta-cost")
"""Policies that weigh the cost of a shot against the value it saves."""


def class_index(name: str) -> int:
    """Column of class ``name`` in per-class tables [-]."""
    return THREAT_CLASSES.index(name)


def class_mask(names: tuple[str, ...]) -> np.ndarray:
    """Boolean mask over :data:`THREAT_CLASSES`, true for ``names``."""
    return np.array([c in names for c in THREAT_CLASSES], dtype=bool)


SENSOR_KINDS: tuple[str, ...] = ("radar", "acoustic", "observer")
"""Kinds of sensor; a sensor table's ``kind`` column holds the index into this tuple."""

KIND_CODES: dict[str, int] = {k: i for i, k in enumerate(SENSOR_KINDS)}
"""Sensor kind -> its code in a sensor table's ``kind`` column."""
