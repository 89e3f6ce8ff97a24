"""What the model may know of a raid before it happens: mix, counts, launch places, targets, date.

:func:`raid_spec` reads only those columns of a raid's rows; the outcome columns (destroyed,
not_reach_goal, hits) never reach a replay, a calibration or a validation prediction.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from airshield.history.places import launch_area_keys, region_codes
from airshield.history.raids import Raid
from airshield.vocabulary import THREAT_CLASSES

INPUT_COLUMNS = ("model", "threat", "threat_kind", "threat_class", "launched", "launch_place", "target",
                 "affected region")
SIMULATED_CLASSES = THREAT_CLASSES


@dataclass(frozen=True)
class SpecRow:
    """One record row as a replay input: catalogue keys (a group splits evenly), count, places."""

    threat_keys: tuple[str, ...]
    threat_class: str
    count: int
    launch_areas: tuple[str, ...]
    regions: tuple[str, ...]


@dataclass(frozen=True)
class RaidSpec:
    """A raid as the model sees it beforehand: id, start, window length [h] and its rows."""

    id: str
    start: pd.Timestamp
    hours: float
    rows: tuple[SpecRow, ...]

    @property
    def launched(self) -> int:
        """Simulated threats in the raid [-]."""
        return sum(r.count for r in self.rows)


def raid_spec(raid: Raid) -> RaidSpec:
    """The replay inputs of ``raid`` (rows of classes the catalogue cannot simulate are left out)."""
    rows = raid.rows.loc[:, list(INPUT_COLUMNS)].rename(columns={"affected region": "affected_region"})
    spec_rows = []
    for row in rows.itertuples(index=False):
        count = int(row.launched) if pd.notna(row.launched) else 0
        if row.threat_class not in SIMULATED_CLASSES or count <= 0 or not isinstance(row.threat, str):
            continue
        targets = " and ".join(t for t in (row.target, row.affected_region) if isinstance(t, str))
        spec_rows.append(SpecRow(tuple(row.threat.split("+")), row.threat_class, count,
                                 launch_area_keys(row.launch_place).keys, region_codes(targets).keys))
    hours = max((raid.end - raid.start).total_seconds() / 3600.0, 1.0) if pd.notna(raid.end) else 12.0
    return RaidSpec(raid.id, raid.start, hours, tuple(spec_rows))
