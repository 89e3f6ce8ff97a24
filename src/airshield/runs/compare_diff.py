"""The difference column of a run comparison: last run minus first, absolute and relative."""

from __future__ import annotations

import numpy as np
import pandas as pd


def with_difference(table: pd.DataFrame) -> pd.DataFrame:
    """``table`` (``measure`` then one column per run, as :func:`compare_runs` gives it) with ``difference``
    (last run minus first) and ``relative`` (that difference over the first run's value; NaN where it is 0)."""
    runs = [c for c in table.columns if c != "measure"]
    first = table[runs[0]].astype(float)
    difference = table[runs[-1]].astype(float) - first
    relative = difference / first.where(first != 0.0, np.nan)
    return table.assign(difference=difference, relative=relative)
