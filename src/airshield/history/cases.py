"""Choose raids from the records as calibration or validation cases."""

from __future__ import annotations

import numpy as np
import pandas as pd

from airshield.errors import InputError
from airshield.history.calibrate import Case
from airshield.history.predict import reported_shares
from airshield.history.raids import Raid, raids
from airshield.history.records import Records
from airshield.history.spec import raid_spec


def parse_date(text: str, option: str) -> pd.Timestamp:
    """A date given on the command line, or an InputError naming the option."""
    try:
        return pd.Timestamp(text)
    except (ValueError, TypeError):
        raise InputError(f"'{text}' is not a date", path=option, expected="YYYY-MM-DD") from None


def raids_between(records: Records, start: pd.Timestamp | None, end: pd.Timestamp | None) -> list[Raid]:
    """National raids starting in [start, end] (either bound may be None)."""
    chosen = []
    for raid in raids(records):
        if (start is None or raid.start >= start) and (end is None or raid.start <= end + pd.Timedelta(days=1)):
            chosen.append(raid)
    return chosen


def cases_from(raid_list: list[Raid], sample: int | None) -> list[Case]:
    """Cases for raids with simulated threats, thinned evenly over raid size to at most ``sample``."""
    cases = []
    for raid in raid_list:
        spec = raid_spec(raid)
        reported = reported_shares(raid)
        if spec.launched > 0 and len(reported):
            cases.append(Case(spec, reported))
    if sample is not None and len(cases) > sample:
        order = np.argsort([c.spec.launched for c in cases], kind="stable")
        keep = sorted(order[np.linspace(0, len(cases) - 1, sample).round().astype(int)])
        cases = [cases[i] for i in keep]
    return cases
