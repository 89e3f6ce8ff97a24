"""The loaded raid records: usable rows, the problems found, and unknown model strings."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Records:
    """Raid records as loaded by :func:`airshield.history.load_records`.

    ``rows``: one row per usable CSV row, with ``line`` (CSV line number, header = 1),
    ``time_start``/``time_end`` (naive datetimes, Kyiv local time), ``date_only_start``/``date_only_end``,
    counts ``launched``, ``destroyed``, ``not_reach_goal`` [weapons] (float; NaN = not reported),
    the text columns of the file, ``source_tier`` (national | regional | other | unknown) and the model
    mapping ``threat``, ``threat_kind`` (type | group | not_modelled | unknown), ``threat_class``, ``reason``.
    ``problems``: (line, message) for every row kept out of ``rows``.
    ``unknown_models``: model strings not in the model map (their rows stay in ``rows``, class ``unknown``).
    ``file``: where the records came from.
    """

    rows: pd.DataFrame
    problems: list[tuple[int, str]] = field(default_factory=list)
    unknown_models: list[str] = field(default_factory=list)
    file: str = ""

    def __len__(self) -> int:
        return len(self.rows)
