"""The named free parameters that calibration fits, and how they change a scenario document.

- ``pk_drone``, ``pk_cruise``, ``pk_ballistic``: multipliers on every munition's kill probability
  against drones (and decoys, jet drones), cruise (and supersonic cruise) and ballistic (and
  aeroballistic) threats, capped at 1.
- ``ew_drone``: the probability that a drone or decoy crossing an EW zone is lost (all EW types).
- ``decoy_share``: the share of reported Shahed-type drones simulated as Gerbera decoys.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from airshield.catalogue import Catalogue
from airshield.vocabulary import CLASS_GROUPS, GROUP_OF_CLASS  # noqa: F401  (re-exported)



@dataclass(frozen=True)
class ReplayParams:
    """Free parameters of a replay; defaults leave the catalogue as it is."""

    pk_drone: float = 1.0
    pk_cruise: float = 1.0
    pk_ballistic: float = 1.0
    ew_drone: float | None = None
    decoy_share: float = 0.0

    def as_dict(self) -> dict:
        return asdict(self)

    def catalogue_overrides(self, catalogue: Catalogue) -> dict:
        """Catalogue overrides (scenario ``catalogue:`` section) that apply these parameters."""
        scale = {"drone": self.pk_drone, "cruise": self.pk_cruise, "ballistic": self.pk_ballistic}
        effectors = {}
        for effector in catalogue.effectors.values():
            munitions = {}
            for munition in effector.munitions:
                pk = {c: min(1.0, p * scale.get(GROUP_OF_CLASS.get(c, ""), 1.0)) for c, p in munition.pk.items()}
                if pk != dict(munition.pk):
                    munitions[munition.key] = {"pk": pk}
            if munitions:
                effectors[effector.key] = {"munitions": munitions}
        overrides: dict = {"effectors": effectors} if effectors else {}
        if self.ew_drone is not None:
            overrides["ew"] = {key: {"p_loss": {"drone": self.ew_drone, "decoy": self.ew_drone}}
                               for key in catalogue.ew}
        return overrides
