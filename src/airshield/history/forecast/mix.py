"""A raid's mix as regressors of the link: the launch fractions of its type families.

Within a class group the types differ: of the cruise missiles in the records before 2025, Kh-22s were
almost never reported destroyed (3 of 162), Kh-59/69s 0.66 and Iskander-Ks 0.71 of the time, Kalibrs
0.79 and Kh-101/Kh-555s 0.85 of the time. The simulation does not separate them enough (its weight in the
link is small), so the link carries the mix itself: one regressor per type family, the family's
fraction of the group's launches in the raid, centred on its mean over the training reports, with
its weight in the filter's state like the other regressors (prior N(0, 1), learnt from the reports
before each forecast).

A *family* is a set of types whose fractions are equal on every training report (the records write
``Kh-101/Kh-555`` as one row, split evenly between both types, so they are one family, and so are
``Shahed-136/131``). The family with the most launches is the base (the level's), families with
fewer than :data:`MIN_LAUNCHES` launches in the training reports get no regressor; their launches, and
those of a type the training reports never had, count as the base's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from airshield.history.spec import SpecRow
from airshield.vocabulary import GROUP_OF_CLASS

MIN_LAUNCHES = 20
"""Launches [-] a family needs in the training reports to get its own regressor."""


def group_mix(rows: Iterable[SpecRow]) -> dict[str, dict[str, float]]:
    """Per class group: each type's fraction [-] of the group's launches in the raid's spec rows (a row
    of several types split evenly between them, as the replay splits it, but in fractions where the
    replay rounds to whole weapons)."""
    counts: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for row in rows:
        group = GROUP_OF_CLASS.get(row.threat_class)
        if group is None:
            continue
        for key in row.threat_keys:
            counts[group][key] += row.count / len(row.threat_keys)
    return {g: {k: v / sum(c.values()) for k, v in sorted(c.items())} for g, c in counts.items() if sum(c.values()) > 0}


@dataclass(frozen=True)
class MixTerms:
    """The mix regressors of a link: type families (each a tuple of type keys) and their centring [-]."""

    families: tuple[tuple[str, ...], ...] = ()
    centre: tuple[float, ...] = ()

    @property
    def names(self) -> list[str]:
        """The families as the records write them (``kh-101+kh-555``)."""
        return ["+".join(f) for f in self.families]

    def regressors(self, mix: dict[str, float]) -> np.ndarray:
        """Centred family fractions [-] of a raid whose group mix is ``mix`` (type -> fraction)."""
        return np.array([sum(mix.get(k, 0.0) for k in f) for f in self.families]) - np.array(self.centre)

    def table(self, mixes: Iterable[dict[str, float]]) -> np.ndarray:
        """Regressors of several raids, (N, families)."""
        rows = [self.regressors(m) for m in mixes]
        return np.array(rows).reshape(len(rows), len(self.families))


def mix_terms(mixes: Sequence[dict[str, float]], launched: np.ndarray) -> MixTerms:
    """The families of the training reports' ``mixes`` (type -> fraction) and their regressors: every
    family but the most launched with at least :data:`MIN_LAUNCHES` launches [-] in all."""
    fractions = pd.DataFrame(list(mixes), dtype=float).fillna(0.0)
    if fractions.empty:
        return MixTerms()
    sums = {f: fractions[list(f)].sum(axis=1).to_numpy() for f in _families(fractions)}
    launches = {f: float(v @ np.asarray(launched, float)) for f, v in sums.items()}
    order = sorted(sums, key=lambda f: (-launches[f], f))
    kept = sorted(f for f in order[1:] if launches[f] >= MIN_LAUNCHES)
    return MixTerms(tuple(kept), tuple(float(sums[f].mean()) for f in kept))


def _families(fractions: pd.DataFrame) -> list[tuple[str, ...]]:
    """Types grouped where their fraction columns are equal on every report (sorted keys)."""
    groups: dict[bytes, list[str]] = {}
    for key in sorted(fractions.columns):
        groups.setdefault(fractions[key].to_numpy().round(12).tobytes(), []).append(key)
    return [tuple(g) for g in groups.values()]
